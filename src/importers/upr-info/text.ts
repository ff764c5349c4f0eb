// The text of UPR Info's cells as they are meant: the export left a few HTML numeric character
// references ("&#40;Unknown&#41;" for "(Unknown)"); they are decoded, nothing else is changed.

/** `&#40;` and `&#x28;` as the characters they stand for; anything else as it is. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});/g, (whole, code: string) => {
    const point = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
    return point > 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff) ? String.fromCodePoint(point) : whole;
  });
}

/** Comma-separated lists of the source ("AU, OIC, OIF"; "Women's rights,Justice"), trimmed, empty items left out. */
export function listOf(cell: string): string[] {
  return cell
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
