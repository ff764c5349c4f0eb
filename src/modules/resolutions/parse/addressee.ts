// Whom an operative paragraph asks to act: read after the asking verb ("Requests the
// Secretary-General to …", "Appeals to all States to …", "Decides that all States shall …"),
// kept as written and reduced to one canonical name for the usual addressees.

/** Canonical names, tried in order; the first whose pattern matches what is written wins. */
const CANONICAL: [RegExp, string][] = [
  // pdftotext also prints "Secretary -General" and "Secretary General".
  [/^(?:the )?Secretary ?-? ?General\b/, 'the Secretary-General'],
  [/^(?:the )?Office of the (?:United Nations )?High Commissioner for Human Rights\b|^(?:the )?Office of the High Commissioner\b(?! for Refugees)/, 'the Office of the High Commissioner'],
  [/^(?:the )?(?:United Nations )?High Commissioner for Refugees\b/, 'the United Nations High Commissioner for Refugees'],
  [/^(?:the )?(?:United Nations )?High Commissioner(?: for Human Rights)?\b/, 'the United Nations High Commissioner for Human Rights'],
  [/^(?:the )?Human Rights Council\b/, 'the Human Rights Council'],
  [/^(?:all )?(?:the )?Member States\b|^States Members of the United Nations\b/, 'Member States'],
  [/^(?:all )?(?:the )?States [Pp]arties\b/, 'States parties'],
  [/^(?:all )?States\b(?! concerned)/, 'States'],
  [/^(?:all )?Governments\b(?! of)/, 'Governments'],
  [/^(?:the )?regional arrangements\b/, 'regional arrangements'],
  [/^(?:the )?international community\b/, 'the international community'],
];

/**
 * The canonical name of an addressee as written: the usual addressee it opens with is put in
 * its one form, and the rest is kept ("all Member States and the United Nations system" →
 * "Member States and the United Nations system"). What matches none is kept as written.
 */
export function canonicalAddressee(written: string): string {
  for (const [pattern, name] of CANONICAL) {
    const m = pattern.exec(written);
    if (m) return name + written.slice(m[0].length).replace(/^ (?:to the|of the) .*$/, '');
  }
  return written;
}

/**
 * Each addressee of a list, in canonical form: "the Secretary-General and the High
 * Commissioner for Human Rights" → both. A list is split only before "the", "all", a capital or a
 * word that opens an addressee ("relevant", "other", "intergovernmental"…).
 */
export function splitAddressees(written: string): string[] {
  const parts: string[] = [];
  let rest = written;
  for (;;) {
    const m = /,\s+(?:and\s+)?|\s+and\s+/.exec(rest);
    if (!m) break;
    const before = rest.slice(0, m.index);
    const after = rest.slice(m.index + m[0].length);
    if (splitsHere(before, after)) {
      parts.push(before);
      rest = after;
    } else {
      // Not a list boundary ("Trade and Development"): look for the next one.
      const next = splitAddressees(after);
      const first = next.shift() ?? '';
      parts.push(`${before}${m[0]}${first}`);
      return [...parts, ...next].map((p) => canonicalAddressee(p.trim())).filter((p) => p !== '');
    }
  }
  parts.push(rest);
  return parts.map((p) => canonicalAddressee(p.trim())).filter((p) => p !== '');
}

/**
 * A list boundary: the next part opens with "the", "all" or a word that opens an addressee; or
 * with a capital after a short name ("Iran and Iraq", "States and Governments"), not inside a
 * longer name ("United Nations Conference on Trade and Development"). A bare adjective before
 * "and" ("intergovernmental and non-governmental organizations") shares the noun after it.
 */
function splitsHere(before: string, after: string): boolean {
  if (/^[a-z-]+$/.test(before.trim().split(' ').pop() ?? '') && before.trim().split(' ').length === 1 && /^[a-z]/.test(before.trim())) return false;
  if (/^(?:the|all|relevant|other|intergovernmental|non-governmental|international|regional) /.test(after)) return true;
  return /^[A-Z]/.test(after) && before.trim().split(' ').length <= 2;
}

/** Nouns that show the words after "Encourages" are a thing encouraged, not someone asked. */
const THING =
  /^(?:the |further |all |continued |greater |its |their )*(?:[a-z-]+ ){0,2}(?:efforts?|participation|dialogue|cooperation|support|contributions?|work|use|development|implementation|activities|engagement|establishment|initiatives?|exchanges?|measures|consideration)\b/;

/**
 * The addressee after an asking verb: up to " to <verb>", a comma, a colon or a semicolon.
 * Adverbs before "to" ("Israel immediately to cease") are left out. Null when the words are a
 * thing rather than someone ("Encourages further dialogue between …").
 */
export function readAddressee(after: string): string | null {
  const text = after.replace(/^\s*to\s+/, ' '); // "Appeals to all States to …"
  // "States that have and continue to apply such laws … to take": a "to" after a verb that
  // takes one ("continue to") inside a relative clause ("that …") is not the addressee's end.
  const m = /^\s*((?:(?:(?! to )[^,;:])+?\b(?:that|which|who)\b[^,;:]*?\b(?:continue|have|has|fail|need|seek|wish) to (?=[a-z]))?.+?)(?:,| to (?=[a-z])| for (?=[a-z])|:|;|$)/.exec(text);
  let who = (m?.[1] ?? '').trim();
  who = who.replace(/(?:\s+(?:[a-z]+ly|once again|again|also|further|and))+$/, '').trim();
  if (who.length === 0 || who.length > 150 || THING.test(who)) return null;
  return who;
}

/**
 * "Decides that all States shall …", "Demands that Iraq comply …", "Recommends that Member States
 * implement …" → the subject after "that": words with capitals, joined by "and", "of", "the"
 * ("the Islamic Republic of Iran and Iraq"). A clause between commas after "that" is skipped.
 * Null when the subject names no one ("that the determination of the seat …").
 */
export function readThatSubject(after: string): string | null {
  const m = /^\s*(?:also |further |hereby )*(?:[^;:]{0,80}?\s)?that(?:,\s+[^,;]{0,160},)?\s+(.*)$/.exec(after);
  if (!m) return null;
  const words = (m[1] ?? '').split(/\s+/);
  const subject: string[] = [];
  let verbAfter = '';
  for (const w of words) {
    const capital = /^[A-Z][\w'’-]*$/.test(w);
    const joiner = /^(?:and|of|the|all|other)$/.test(w);
    if (!capital && !joiner) {
      verbAfter = w;
      break;
    }
    if (!capital && subject.length === 0 && !/^(?:all|the)$/.test(w)) return null;
    subject.push(w);
  }
  while (subject.length > 0 && /^(?:and|of|the|all|other)$/.test(subject[subject.length - 1] ?? '')) subject.pop();
  if (!subject.some((w) => /^[A-Z]/.test(w))) return null;
  // The subject's verb follows: a modal or a bare verb ("Iraq comply"), not a plural noun
  // ("all Iraqi statements").
  if (!/^(?:shall|should|will|must|may|be|is|are|has|have)$/.test(verbAfter) && /[^s]s$/.test(verbAfter)) return null;
  return subject.join(' ');
}

/** "Recommends the guidelines … to all Member States": the one recommended to. */
export function readRecommendedTo(after: string): string | null {
  return / to ((?:all )?(?:Member States|States|Governments)|the (?:General Assembly|Security Council|Human Rights Council|Economic and Social Council))\b/.exec(after.slice(0, 300))?.[1] ?? null;
}
