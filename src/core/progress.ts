// How a long stage reports how far it has got; the command decides whether
// anyone sees it.

export type OnProgress = (what: string, done: number, total: number) => void;
