// Where a source can be found: a web address (http or https) or a UN document symbol
// (A/RES/48/141, E/CN.4/1998/53/Add.2, A/CONF.157/23, S/RES/1325 (2000)). Anything else
// (javascript:, data:, file:, a bare host) is refused wherever an address enters the registry,
// and only web addresses ever become links: the server and the web app use these same rules.

export const SOURCE_ADDRESS_RULE = 'must be an http(s) web address or a UN document symbol such as A/RES/48/141';
export const WEB_ADDRESS_RULE = 'must be an http(s) web address';

/** http(s)://host…, written out in full, with no spaces or control characters. */
export function isWebAddress(value: string): boolean {
  // The scheme is checked on the text as written: URL() would also read "https:x" or a
  // leading space, which browsers and other readers may take differently.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point of this check
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// A series in capitals (A, E, S, ST, CCPR…), then parts of letters, digits, dots and hyphens
// separated by slashes (RES, CN.4, Add.2, ES-10), and for a Security Council resolution its year.
const UN_SYMBOL = /^[A-Z]{1,10}(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+(?: \(\d{4}\))?$/;

/** A UN document symbol: never a link, and never read as one. */
export function isUnDocumentSymbol(value: string): boolean {
  return value.length <= 100 && UN_SYMBOL.test(value);
}

export function isSourceAddress(value: string): boolean {
  return isWebAddress(value) || isUnDocumentSymbol(value);
}
