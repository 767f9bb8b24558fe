// Partner ids become file names under out/separate/, so they are restricted
// to a portable, path-free alphabet.
import { COMPOSITE } from '../core/model.js';

export const PARTNER_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

// Windows refuses these as file names whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why `id` cannot be a partner id, or null when it can. */
export function partnerIdProblem(id: string): string | null {
  if (!PARTNER_ID.test(id))
    return `'${id}' is not a valid partner id: use lower-case letters, digits and '-' (not at the start or end), at most 64 characters`;
  if (RESERVED.test(id)) return `'${id}' is not a valid partner id: it is a reserved file name on Windows`;
  if (id === COMPOSITE || id === 'preamble') return `'${id}' is not a valid partner id: it is reserved by lsp-respond`;
  return null;
}

/**
 * A valid partner id made from a file name, for the commands the tool
 * suggests: `responses/NPCT reply.docx` -> `npct-reply`. Accents are dropped,
 * anything else that is not a letter or digit becomes '-'.
 */
export function idFromFileName(path: string): string {
  const stem = (path.split('/').at(-1) ?? '').replace(/\.[^.]*$/, '');
  const slug = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'partner';
  return partnerIdProblem(slug) === null ? slug : `${slug.slice(0, 57)}-reply`;
}
