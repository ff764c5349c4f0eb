// Bidirectional text: a value inside a sentence of another direction (a Latin code or acronym
// in Arabic, an Arabic name in an English sentence) must be laid out on its own, or neutral
// characters beside it (brackets, full stops, slashes) attach to the wrong side: in Arabic,
// "(I/A Court H.R.)" shows as "(.I/A Court H.R)". In markup use <bdi> (or dir on an element
// holding text of a known language); in plain strings (dictionary values, <option>, SVG text)
// use isolate().

/** FSI … PDI (Unicode 6.3): the text takes its own direction from its first strong letter and
 *  is one neutral unit for the text around it. Invisible; copied text keeps them. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
