// Path containment, judged on real (link-free, absolute) paths.
import { relative, sep } from 'node:path';

/** `inner` is `outer` or lies below it. */
export function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}
