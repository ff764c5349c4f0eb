// The opening verbs of operative paragraphs, kept in one place. Longer phrases come first so
// that "Takes note with satisfaction" wins over "Takes note".
import { canonicalAddressee, readAddressee, readRecommendedTo, readThatSubject, splitAddressees } from './addressee.ts';
import { ordinalToNumber } from './header.ts';

export const OPERATIVE_VERBS = [
  'Takes note with satisfaction',
  'Takes note with appreciation',
  'Takes note with concern',
  'Takes note',
  'Deprecates',
  'Requires',
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
const ASKING = new Set([
  'Requests',
  'Invites',
  'Urges',
  'Encourages',
  'Calls upon',
  'Calls on',
  'Authorizes',
  'Appeals',
  'Demands',
  'Instructs',
  'Directs',
  'Request',
  'Encourage',
  'Recommends',
  'Requires',
  'Reminds',
]);

/** "To this end, the Security Council appoints", "In regard to DDR …, endorses": words before the verb. */
const LEAD_IN = /^((?:To|In|With|For|Upon|On|Pending|Further to)\b[^;:]{0,120}?,\s+(?:the (?:Security Council|General Assembly)\s+)?)[a-z]/;

export interface VerbReading {
  verb: string | null;
  verbPhrase: string | null;
  /** Canonical addressee ("Member States" for "all Member States"). */
  addressee: string | null;
  /** The addressee as the text writes it. */
  addresseeAsWritten: string | null;
  /** Each addressee of a list, canonical ("the Secretary-General", "the United Nations High Commissioner for Human Rights"). */
  addressees: string[];
}

const NONE: VerbReading = { verb: null, verbPhrase: null, addressee: null, addresseeAsWritten: null, addressees: [] };

/**
 * Reads the verb from a paragraph's opening words; null when they open with none of the list.
 * `body` ("General Assembly") is the addressee of "Decides to include … in the provisional
 * agenda of its … session": the body asks it of itself.
 */
export function readVerb(text: string, body: string | null = null): VerbReading {
  const lead = LEAD_IN.exec(text)?.[1] ?? '';
  const found = matchVerb(text.slice(lead.length));
  if (!found) return NONE;
  const { adverb, verb, base } = found;
  const rest = text.slice(lead.length + adverb.length + verb.length);
  let written: string | null = null;
  const startsThat = /^\s*(?:also |further |hereby )*that\b/.test(rest);
  if (base === 'Recommends') written = readThatSubject(rest) ?? readRecommendedTo(rest);
  else if (ASKING.has(base)) written = startsThat ? readThatSubject(rest) : readAddressee(rest);
  else if (base === 'Reiterates' && /^\s*its requests?\b/.test(rest)) {
    // "Reiterates its request … that the Secretary-General submit …", "… its request to the Secretary-General".
    const request = rest.replace(/^\s*its requests?\b/, '');
    written = /^\s*to (?!the effect)/.test(request) ? readAddressee(request.replace(/^\s*to\s+/, ' ')) : readThatSubject(request);
  } else if (base === 'Decides' || base === 'Resolves') written = startsThat ? readThatSubject(rest) : /^\s*(?:also |further )?to include\b/.test(rest) && body ? `the ${body}` : null;
  const canonical = base.charAt(0).toUpperCase() + base.slice(1);
  return {
    verb: canonical,
    verbPhrase: text.slice(0, lead.length + adverb.length + verb.length),
    addressee: written ? canonicalAddressee(written) : null,
    addresseeAsWritten: written,
    addressees: written ? splitAddressees(written) : [],
  };
}

function matchVerb(text: string): { adverb: string; verb: string; base: string } | null {
  const adverb = ADVERBS.exec(text)?.[0] ?? '';
  const rest = text.slice(adverb.length);
  // "Continues to welcome the statement …": the verb is the one continued, "Welcomes".
  const continued = /^Continues to /.exec(rest);
  if (continued) {
    const after = rest.slice(continued[0].length).toLowerCase();
    for (const verb of OPERATIVE_VERBS) {
      const bare = bareForm(verb);
      if (after.startsWith(bare) && /^[\s,;:]|^$/.test(after.slice(bare.length))) {
        return { adverb: adverb + continued[0] + rest.slice(continued[0].length, continued[0].length + bare.length), verb: '', base: baseOf(verb) };
      }
    }
  }
  for (const verb of OPERATIVE_VERBS) {
    if (rest.toLowerCase().startsWith(verb.toLowerCase()) && /^[\s,;:]|^$/.test(rest.slice(verb.length))) {
      return { adverb, verb, base: baseOf(verb) };
    }
  }
  return null;
}

/** The canonical verb is the bare one: "Takes note with satisfaction" is a "Takes note". */
function baseOf(verb: string): string {
  return verb.startsWith('Takes note') ? 'Takes note' : verb.startsWith('Notes with') ? 'Notes' : verb.startsWith('Expresses') ? 'Expresses' : verb;
}

/** "Welcomes" → "welcome", "Stresses" → "stress", "Calls upon" → "call upon". */
function bareForm(verb: string): string {
  const [first = '', ...more] = verb.toLowerCase().split(' ');
  const bare = /(?:ss|sh|ch|x)es$/.test(first) ? first.slice(0, -2) : first.replace(/s$/, '');
  return [bare, ...more].join(' ');
}

/** A request made later in a paragraph: "…, and requests the Secretary-General to …". */
export interface FurtherAsk {
  verb: string;
  addressee: string | null;
  addresseeAsWritten: string | null;
  deadline: string | null;
}

const LATER_ASK = /[,;]\s+(?:and\s+)?(?:(?:also|further|once again|again|strongly)\s+)?(requests|invites|urges|encourages|calls upon|calls on|authorizes|directs|instructs)\s+/g;

/**
 * The requests a paragraph makes after its opening words ("Recalls article 3 …, and requests the
 * Secretary-General to …"), each with its addressee and the deadline named before the next one.
 */
export function readFurtherAsks(text: string): FurtherAsk[] {
  const found = [...text.matchAll(LATER_ASK)];
  return found.flatMap((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = found[k + 1]?.index ?? text.length;
    const written = readAddressee(text.slice(from, to));
    if (!written) return [];
    const verb = (m[1] ?? '').replace(/^./, (c) => c.toUpperCase());
    return [{ verb, addressee: canonicalAddressee(written), addresseeAsWritten: written, deadline: readDeadline(text.slice(from, to)) }];
  });
}

const SESSION = /\b(?:at|agenda of) its ((?:resumed )?([a-z]+(?:-[a-z]+)?)(?: \(resumed\))?) session\b/g;
const BY_DATE = /\b(?:by|no later than|before|on or before) (\d{1,2} [A-Z][a-z]+ \d{4})\b/;
const WITHIN = /\b(within (?:\d+|[a-z]+(?:-[a-z]+)?) (?:hours?|days?|weeks?|months?|years?))\b/;
const END_OF = /\bbefore (the end of (?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}))\b/;

/**
 * The session or date by which something is asked, when the paragraph names one. Of several
 * sessions the latest is the deadline ("adopted at its seventy-eighth session … report at its
 * eighty-first session").
 */
export function readDeadline(text: string): string | null {
  let best: { phrase: string; n: number } | null = null;
  for (const m of text.matchAll(SESSION)) {
    // "seventyfourth": pdftotext lost the hyphen of a word broken across lines.
    const fix = (w: string) => w.replace(/^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?=[a-z])/, '$1-');
    const n = ordinalToNumber(fix(m[2] ?? '')) ?? 0;
    if (!best || n > best.n) best = { phrase: `${fix(m[1] ?? '')} session`, n };
  }
  if (best) return best.phrase;
  return BY_DATE.exec(text)?.[1] ?? WITHIN.exec(text)?.[1] ?? END_OF.exec(text)?.[1] ?? null;
}

/** Preambular paragraphs open with a participle or one of these adjectives. */
export const PREAMBLE_OPENER =
  /^(?:[A-Z][a-z]+(?:ing|ed)|Mindful|Aware|Conscious|Cognizant|Deeply|Gravely|Seriously|Bearing|Having|Taking|Noting|Further|Also|Fully|Alarmed|Concerned|Convinced|Determined|Desirous|Guided|Acting|Profoundly|Keenly|Highly|Strongly|Reaffirming|Re-emphasizing|Welcoming|Encouraged|Pleased|Sharing)\b/;
