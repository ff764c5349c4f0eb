// The shapes of lines the structure reader tells apart: paragraph ends, numbered paragraphs,
// heading titles, Security Council recitals, open quotations.
import type { RawPreambular } from './structure.ts';
import { PREAMBLE_OPENER, readVerb } from './verbs.ts';

export const NUMBERED = /^(\d{1,3})\.(?:\s+(.*))?$/;
/** "The General Assembly,", and the Security Council's "Therefore the Security Council,". */
export const OPENING_FORMULA = /^\s*(?:Therefore )?[Tt]he (General Assembly|Security Council)\s*,?\s*$/;

/** Ends with a comma, maybe followed by a footnote marker: "Rights, 1", "2004,2". */
export function endsWithComma(line: string): boolean {
  return /,(\s*\d{1,2})?$/.test(line.trim());
}

export function endsParagraph(line: string): boolean {
  return /[;.:](\s*\d{1,2})?$/.test(line.trim()) || /[,;]\s*and$/.test(line.trim());
}

/** True when the lines open more quotation marks (“) than they close (”, or "). */
export function quoteOpen(lines: string[] | undefined): boolean {
  const text = (lines ?? []).join(' ');
  // A straight quote may close a curly one in OCR text (“ethnic cleansing").
  return (text.match(/“/g)?.length ?? 0) > (text.match(/[”"]/g)?.length ?? 0);
}

/**
 * Paragraphs before "Therefore the Security Council,", after the heading lines: each a block
 * ending with a semicolon or a comma. Only blocks after the "Resolution of …" line count.
 */
export function readRecitals(head: string[]): RawPreambular[] {
  const at = head.findIndex((l) => /\bResolution of \d{1,2} [A-Z][a-z]+ \d{4}|^\s*\[S\/\d+\]\s*$/.test(l));
  if (at < 0 || !head.slice(at + 1).some((l) => /[;,]\s*$/.test(l))) return [];
  const out: RawPreambular[] = [];
  let current: RawPreambular | null = null;
  for (const l of head.slice(at + 1)) {
    const t = l.trim();
    if (t === '' || /^\[S\/\d+\]$/.test(t)) {
      current = null;
      continue;
    }
    if (!current) {
      current = { section: null, lines: [] };
      out.push(current);
    }
    current.lines.push(t);
  }
  return out;
}

/** A heading's title: not a numbered paragraph, and not a preambular paragraph's first line. */
export function isHeadingTitle(t: string, lines: string[], i: number): boolean {
  if (NUMBERED.test(t) || endsWithComma(t) || /[;.:]$/.test(t)) return false;
  const next = nextNonEmpty(lines, i + 1);
  if (PREAMBLE_OPENER.test(t) && next && !/^[A-Z]/.test(next.text)) return false;
  // "Calls upon all Member States to render …": an unnumbered Security Council paragraph.
  if (readVerb(t).verb && !PREAMBLE_OPENER.test(t)) return false;
  return true;
}

export function isFollowingColon(lines: string[], i: number): boolean {
  // The "Adopts the following …" paragraph may wrap onto a second line that ends with the colon.
  const t = (lines[i] ?? '').trim();
  const next = nextNonEmpty(lines, i + 1);
  return /\bthe following\b/.test(t) && !!next && /:\s*$/.test(next.text);
}

export function nextNonEmpty(lines: string[], from: number): { index: number; text: string } | null {
  for (let j = from; j < lines.length; j++) {
    const t = (lines[j] ?? '').trim();
    if (t !== '') return { index: j, text: t };
  }
  return null;
}

/** A heading is followed by its title (a capital) or by its first numbered paragraph. */
export function nextLooksLikeHeading(lines: string[], i: number): boolean {
  const next = nextNonEmpty(lines, i + 1);
  return !!next && (/^[A-Z]/.test(next.text) || /^1?\d{1,2}\.(\s|$)/.test(next.text));
}
