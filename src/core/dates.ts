// Calendar dates as the tool writes them (YYYY-MM-DD), without time zones:
// kept free of dependencies because the CLI checks --today before loading
// any command.

/** True for a YYYY-MM-DD string naming a real day (not 2006-02-30). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
