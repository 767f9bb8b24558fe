// The one line draft and merge print when they succeed. A thousand partners
// means two thousand separate files: they are counted, not listed.

/** e.g. `wrote 9 files to out/: draft.md, draft.docx, ..., report.json, 2 separate submissions (out/separate/)` */
export function summary(outputDir: string, paths: readonly string[]): string {
  const dir = `${outputDir.replace(/\/+$/, '')}/`;
  const top = paths.filter((p) => !p.includes('/'));
  const separate = new Set(paths.filter((p) => p.startsWith('separate/')).map((p) => p.replace(/\.[^.]+$/, '')));
  const rank = [/^draft\./, /^response\./, /-response\./, /^letter\./, /^removed\./, /^report\./];
  const order = (p: string) => rank.findIndex((r) => r.test(p));
  const listed = [...top].sort(
    (a, b) => order(a) - order(b) || (a.endsWith('.md') ? -1 : 1) - (b.endsWith('.md') ? -1 : 1),
  );
  const parts = [...listed];
  for (const round of new Set(paths.filter((p) => p.startsWith('rounds/')).map((p) => p.split('/')[1])))
    parts.push(`round ${round} (${dir}rounds/${round}/)`);
  if (separate.size > 0)
    parts.push(`${separate.size} separate submission${separate.size === 1 ? '' : 's'} (${dir}separate/)`);
  return `wrote ${paths.length} file${paths.length === 1 ? '' : 's'} to ${dir}: ${parts.join(', ')}`;
}
