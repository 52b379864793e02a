/**
 * A readable file name from words (a call's title, a structure's name): no accents, no spaces, lower case, short;
 * never an internal id.
 */
export function fileSlug(text: string, max = 60): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, max)
    .replace(/-$/, '');
}
