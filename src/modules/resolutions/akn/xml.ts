// Writing XML text safely: every string from a resolution goes through `text` or `attr`, which
// escape markup characters and drop what XML 1.0 cannot hold at all (control characters other
// than tab and line breaks, lone surrogates, U+FFFE/U+FFFF), so no input can break the document.

// Everything outside XML 1.0's Char production; with the u flag a lone surrogate is one code point.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

export function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value, quoted with ": quotes and line breaks are escaped so they survive. */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

type Attrs = Record<string, string | number | null | undefined>;

/** `<name a="…">children</name>`, or `<name a="…"/>` without children; null and undefined attributes are left out. */
export function el(name: string, attrs: Attrs, ...children: string[]): string {
  const attributes = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${attr(String(value))}"`)
    .join('');
  const inner = children.join('');
  return inner === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${inner}</${name}>`;
}
