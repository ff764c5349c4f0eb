// The words of a recommendation as the recogniser compares them: folded (case and accents
// dropped, as in search), each with where it stands in the original text, so that a match can
// give back the text exactly as written. Punctuation separates words and is otherwise ignored
// ("OP-CAT" is "op cat", "Economic, Social" is "economic social"), but each word keeps whether
// a sentence end, a comma or "the" came before it: that bounds names and what a verb governs.
import { foldForSearch } from '../../shared/text.ts';

export interface Token {
  /** The word as compared: folded, with the equivalences below applied. */
  key: string;
  start: number;
  end: number;
  /** A sentence ends, or a semicolon stands, between this word and the previous one. */
  afterStop: boolean;
  /** A comma or a dash between spaces stands between this word and the previous one. */
  afterComma: boolean;
  /** "The" stood just before it ("the CRPD"). */
  afterThe: boolean;
  /** Written in capitals ("CRC", "OP"): after a comma, such a word starts a new item of a list. */
  acronym: boolean;
  /** A bracket opens, or closes, between this word and the previous one: "(CRC)". */
  opensBracket: boolean;
  closesBracket: boolean;
}

/** "The" is left out: texts write it or not before any name ("ratify CRPD", "the CRPD"). */
const IGNORED = new Set(['the']);

/** Words UPR texts use interchangeably inside names: "Optional Protocol of/to the Convention",
 *  "Social & Cultural". Applied to names and texts alike, so a name matches either spelling. */
const SAME_AS: Record<string, string> = { of: 'to', '&': 'and' };

/** Letters and digits apart ("OP2" is "op 2", like "OP-2" and "OP 2"). */
const WORD = /\p{L}[\p{L}\p{M}]*|\p{N}+|&/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let pendingStop = false;
  let pendingComma = false;
  let pendingThe = false;
  let opens = false;
  let closes = false;
  for (const m of text.matchAll(WORD)) {
    const between = text.slice(previousEnd, m.index);
    // "para. 2", "No. 13": a full stop ends a sentence only before a capital.
    pendingStop ||= /;/.test(between) || (/[.!?]\s/.test(between) && /^\p{Lu}/u.test(m[0]));
    pendingComma ||= /[,–—]|\s-\s/.test(between);
    opens ||= /[([]/.test(between);
    closes ||= /[)\]]/.test(between);
    previousEnd = m.index + m[0].length;
    const folded = foldForSearch(m[0]);
    if (IGNORED.has(folded)) {
      pendingThe = true;
      continue;
    }
    tokens.push({
      key: SAME_AS[folded] ?? folded,
      start: m.index,
      end: previousEnd,
      afterStop: pendingStop,
      afterComma: pendingComma,
      afterThe: pendingThe,
      acronym: m[0].length > 1 && m[0] === m[0].toUpperCase() && /\p{Lu}/u.test(m[0]),
      opensBracket: opens,
      closesBracket: closes,
    });
    pendingStop = pendingComma = pendingThe = opens = closes = false;
  }
  return tokens;
}

/** The keys of a name's words, as tokens of a text would give them. */
export function nameKeys(name: string): string[] {
  return tokenize(name).map((t) => t.key);
}
