// Text written into XML that Accord makes (spreadsheets, IATI activity files): only the
// characters XML 1.0 allows, and the five that would end a text or an attribute escaped.

/** Characters XML 1.0 does not allow (with the u flag, a lone surrogate is one of them). */
export const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an element or an attribute value in double quotes. A carriage return is written as a
 *  reference, which XML keeps (a literal one would be read as a line feed). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;'));
}

/** escapeXml of the text once the characters XML does not allow are taken out. */
export function xmlText(text: string): string {
  return escapeXml(text.replace(NOT_XML, ''));
}
