// Security Council vote lines: "Adopted unanimously at the 2750th meeting.", "Adopted at the
// 1382nd meeting by 13 votes to none, with 2 abstentions (…)". What the line states is read;
// a count it does not state stays null.
import { MEETING_LINE } from './header.ts';
import type { Doubt, Vote } from './types.ts';

const WORDS: Record<string, number> = { none: 0, no: 0, one: 1, two: 2, three: 3, four: 4, five: 5 };
const count = (s: string | undefined): number | null => (s === undefined ? null : /^\d+$/.test(s) ? Number(s) : (WORDS[s.toLowerCase()] ?? null));

/**
 * The vote line and the lines that continue it (up to a blank line or a footnote), joined.
 * Null when the text after the operative part does not open with "Adopted … at the … meeting".
 */
export function findVoteLines(after: string[]): { text: string; end: number } | null {
  const at = after.findIndex((l) => /^\s*Adopted\b/.test(l));
  if (at < 0 || at > 3) return null;
  const parts: string[] = [];
  let j = at;
  for (; j < after.length; j++) {
    const t = (after[j] ?? '').trim();
    if (t === '' || (j > at && /^\d{1,3}\s+[A-Z]/.test(t))) break;
    parts.push(t);
  }
  return { text: parts.join(' ').replace(/\s+/g, ' '), end: j };
}

/** Reads counts and the meeting from a vote line whose footnote markers are already removed. */
export function readVote(text: string, doubts: Doubt[]): { vote: Vote; meeting: string | null } {
  const unanimous = /\bunanimously\b/.test(text);
  const inFavour = /\bby (\d+|one) votes?\b/.exec(text)?.[1];
  const against = /\bvotes? to (none|\d+)\b/.exec(text)?.[1];
  const abstaining = /\bwith (\d+|no|one) abstentions?\b/.exec(text)?.[1];
  const vote: Vote = {
    unanimous,
    inFavour: count(inFavour),
    // "Unanimously" means none against and none abstaining; the number in favour is not stated.
    against: unanimous ? 0 : count(against),
    abstentions: unanimous ? 0 : count(abstaining),
    raw: text,
  };
  let meeting: string | null = null;
  const m = /\bat the (\S+?)_?\s+((?:\(resumed\)\s+)?(?:plenary\s+)?meeting)\b/.exec(text);
  if (m) {
    let ordinal = m[1] ?? '';
    if (/^\d+Ist$/.test(ordinal)) {
      // OCR: "298Ist" for "2981st".
      const fixed = ordinal.replace(/Ist$/, '1st');
      doubts.push({ where: 'vote', why: `meeting "${ordinal}" read as "${fixed}" (an OCR misreading of 1 as I)` });
      ordinal = fixed;
    }
    if (MEETING_LINE.test(`${ordinal} ${m[2]}`)) meeting = `${ordinal} ${m[2]}`;
  }
  if (!unanimous && vote.inFavour === null) doubts.push({ where: 'vote', why: `the vote line "${text.slice(0, 80)}" states no count that could be read` });
  return { vote, meeting };
}
