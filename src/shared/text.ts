/** Folds text for matching: compatibility form, no diacritics, lower case, single spaces. */
export function foldForSearch(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const LANGS = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** A name without the sorting article UN lists put after it ("Syrian Arab Republic (the)",
 *  "France (la)", "Bahamas (las)"): headings and lists show the short name; the profile's
 *  table of names keeps the official form as the list prints it. */
export function withoutSortingArticle(name: string): string {
  return name.replace(/\s*\((?:the|The|la|La|le|Le|les|Les|l'|l’|L'|el|El|los|Los|las|Las)\)\s*$/u, '').trim();
}

/** True when the text holds a control character (a line break, NUL, escape…): names and labels
 *  are one line of printable text. */
export function hasControlCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return /[\u0000-\u001f\u007f]/.test(text);
}
