// The opening verbs of operative paragraphs, kept in one place. Longer phrases come first so
// that "Takes note with satisfaction" wins over "Takes note".

export const OPERATIVE_VERBS = [
  'Takes note with satisfaction',
  'Takes note with appreciation',
  'Takes note with concern',
  'Takes note',
  'Calls upon',
  'Calls on',
  'Calls for',
  'Expresses its deep concern',
  'Expresses',
  'Strongly condemns',
  'Condemns',
  'Welcomes',
  'Requests',
  'Invites',
  'Decides',
  'Urges',
  'Encourages',
  'Recognizes',
  'Stresses',
  'Reaffirms',
  'Affirms',
  'Authorizes',
  'Resolves',
  'Notes',
  'Adopts',
  'Endorses',
  'Demands',
  'Reiterates',
  'Emphasizes',
  'Underlines',
  'Underscores',
  'Recommends',
  'Approves',
  'Appeals',
  'Acknowledges',
  'Commends',
  'Supports',
  'Declares',
  'Proclaims',
  'Deplores',
  'Regrets',
  'Appreciates',
  'Reminds',
  'Considers',
  'Agrees',
  'Determines',
  'Confirms',
  'Emphasises',
  'Establishes',
  'Extends',
  'Renews',
  'Recalls',
  'Observes',
  'Insists',
  'Expects',
  'Highlights',
  'Notes with appreciation',
  'Notes with concern',
  'Notes with satisfaction',
  'Notes with interest',
  'Elects',
  'Appoints',
  'Designates',
  'Instructs',
  'Directs',
  'Calls',
  'Concurs',
  'Accepts',
  'Encourage',
  'Reaffirm',
  'Request',
  'Commit',
  'Recognize',
  'Acknowledge',
].sort((a, b) => b.length - a.length);

/** Adverbs that may open a paragraph before its verb: "Also welcomes", "Further requests". */
const ADVERBS = /^(?:(?:Hereby|Solemnly|Also|Further|Furthermore|Again|Once again|Strongly|Firmly|Fully|Deeply|Urgently|Moreover|Further also|Also further)\s+)+/;

/** Verbs whose object is someone asked to act: their paragraphs carry an addressee. */
const ASKING = new Set(['Requests', 'Invites', 'Urges', 'Encourages', 'Calls upon', 'Calls on', 'Authorizes', 'Appeals', 'Demands', 'Instructs', 'Directs', 'Request', 'Encourage']);

export interface VerbReading {
  verb: string | null;
  verbPhrase: string | null;
  addressee: string | null;
}

/** Reads the verb from a paragraph's opening words; null when they open with none of the list. */
export function readVerb(text: string): VerbReading {
  const adverb = ADVERBS.exec(text)?.[0] ?? '';
  const rest = text.slice(adverb.length);
  for (const verb of OPERATIVE_VERBS) {
    if (rest.toLowerCase().startsWith(verb.toLowerCase()) && /^[\s,;:]|^$/.test(rest.slice(verb.length))) {
      // The canonical verb is the bare one: "Takes note with satisfaction" is a "Takes note".
      const base = verb.startsWith('Takes note') ? 'Takes note' : verb.startsWith('Notes with') ? 'Notes' : verb.startsWith('Expresses') ? 'Expresses' : verb;
      const canonical = base.charAt(0).toUpperCase() + base.slice(1);
      return { verb: canonical, verbPhrase: text.slice(0, adverb.length + verb.length), addressee: ASKING.has(base) ? readAddressee(rest.slice(verb.length)) : null };
    }
  }
  return { verb: null, verbPhrase: null, addressee: null };
}

/** "the Secretary-General, as foreseen …, to continue" → "the Secretary-General". */
function readAddressee(after: string): string | null {
  const m = /^\s*(.+?)(?:,| to (?:\w)| for (?:\w)|;|$)/.exec(after);
  const who = m?.[1]?.trim() ?? '';
  return who.length > 0 && who.length < 200 ? who : null;
}

const ORDINAL_SESSION = /\bat its ([a-z]+(?:-[a-z]+)?(?: \(resumed\))?) session\b/;
const BY_DATE = /\b(?:by|no later than|before) (\d{1,2} [A-Z][a-z]+ \d{4})\b/;

/** The session or date by which something is asked, when the paragraph names one. */
export function readDeadline(text: string): string | null {
  const s = ORDINAL_SESSION.exec(text);
  if (s) return `${s[1]} session`;
  const d = BY_DATE.exec(text);
  return d ? (d[1] ?? null) : null;
}

/** Preambular paragraphs open with a participle or one of these adjectives. */
export const PREAMBLE_OPENER =
  /^(?:[A-Z][a-z]+(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Deeply|Gravely|Seriously|Bearing|Having|Taking|Noting|Further|Also|Fully|Alarmed|Concerned|Convinced|Determined|Desirous|Guided|Acting|Profoundly|Keenly|Highly|Strongly|Reaffirming|Re-emphasizing|Welcoming|Encouraged|Pleased|Sharing)\b/;
