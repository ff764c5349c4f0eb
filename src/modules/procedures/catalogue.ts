// The procedures of a treaty that a State accepts apart from becoming a party: a committee's
// competence to receive individual or inter-State communications, to inquire, and a regional
// court's jurisdiction or direct access. Each names how a State comes under it (by a
// declaration, by becoming party to a protocol, or by being party unless it opted out) and
// the articles its declarations are read for. The texts the rules rest on are the treaties'
// own, cited by source id (data/reference/sources/procedures.json).
import type { System } from '../../shared/vocabularies.ts';

export const PROCEDURE_KINDS = ['individual', 'inter-state', 'inquiry', 'jurisdiction'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** How a State comes under the procedure:
 *  `declaration` — a declaration recognizing the competence (opt-in);
 *  `party` — becoming party to the instrument (an optional protocol) is the acceptance;
 *  `party-unless-opted-out` — every party, unless it declared it does not recognize it. */
export type Acceptance = 'declaration' | 'party' | 'party-unless-opted-out';

export interface Procedure {
  id: string;
  /** `un`: read from the UN Treaty Collection's declaration texts; `regional`: declarations
   *  recorded in data/reference/instrument-parties with this procedure id. */
  system: System;
  instrument: string;
  article: string;
  kind: ProcedureKind;
  acceptance: Acceptance;
  /** The mechanism that exercises the competence. */
  mechanism: string;
  /** For `party-unless-opted-out`: the article under which a State opts out. */
  optOutArticle?: string;
  /** Article numbers a declaration names when it is about this procedure. */
  articles?: string[];
  /** Wording that identifies the procedure when a declaration names no article. */
  wording?: RegExp;
  /** Only until this day (the European Court's optional clauses ended with Protocol No. 11). */
  until?: string;
  /** The clause operates only once this many States have accepted it. */
  threshold?: number;
  /** A right of petition to another body than the mechanism's court (the European Commission of
   *  Human Rights under former Article 25): not direct access to the court. */
  petitionToCommission?: boolean;
  sourceIds: string[];
}

const STATES_CLAIM = /another State Party|a State Party claims|communications from a State Party|State Party alleges/i;
const INDIVIDUALS = /individuals|individual communications|persons subject to its jurisdiction|denunciations of violations/i;

export const PROCEDURES: Procedure[] = [
  // Individual communications
  { id: 'icerd-14', system: 'un', instrument: 'ICERD', article: 'art. 14', kind: 'individual', acceptance: 'declaration', mechanism: 'CERD', articles: ['14'], sourceIds: ['procedures-untc-iv-2'] },
  { id: 'iccpr-op1', system: 'un', instrument: 'ICCPR-OP1', article: 'art. 1', kind: 'individual', acceptance: 'party', mechanism: 'CCPR', sourceIds: ['procedures-untc-iv-5'] },
  { id: 'op-icescr-2', system: 'un', instrument: 'OP-ICESCR', article: 'art. 2', kind: 'individual', acceptance: 'party', mechanism: 'CESCR', sourceIds: ['procedures-un-handbook-op-icescr'] },
  { id: 'op-cedaw-2', system: 'un', instrument: 'OP-CEDAW', article: 'art. 2', kind: 'individual', acceptance: 'party', mechanism: 'CEDAW', sourceIds: ['procedures-untc-iv-8-b'] },
  {
    id: 'cat-22',
    system: 'un',
    instrument: 'CAT',
    article: 'art. 22',
    kind: 'individual',
    acceptance: 'declaration',
    mechanism: 'CAT',
    articles: ['22'],
    wording: INDIVIDUALS,
    sourceIds: ['procedures-untc-iv-9', 'procedures-ohchr-fs17'],
  },
  {
    id: 'icmw-77',
    system: 'un',
    instrument: 'ICMW',
    article: 'art. 77',
    kind: 'individual',
    acceptance: 'declaration',
    mechanism: 'CMW',
    articles: ['77'],
    threshold: 10,
    sourceIds: ['procedures-icmw-text'],
  },
  { id: 'op-crpd-1', system: 'un', instrument: 'OP-CRPD', article: 'art. 1', kind: 'individual', acceptance: 'party', mechanism: 'CRPD', sourceIds: ['procedures-ohchr-crpd-guide'] },
  {
    id: 'cped-31',
    system: 'un',
    instrument: 'CPED',
    article: 'art. 31',
    kind: 'individual',
    acceptance: 'declaration',
    mechanism: 'CED',
    articles: ['31'],
    wording: INDIVIDUALS,
    sourceIds: ['procedures-untc-iv-16'],
  },
  { id: 'op-crc-ic-5', system: 'un', instrument: 'OP-CRC-IC', article: 'art. 5', kind: 'individual', acceptance: 'party', mechanism: 'CRC', sourceIds: ['procedures-untc-iv-11-d'] },
  // Inter-State communications (the opt-in ones)
  { id: 'iccpr-41', system: 'un', instrument: 'ICCPR', article: 'art. 41', kind: 'inter-state', acceptance: 'declaration', mechanism: 'CCPR', articles: ['41'], sourceIds: ['procedures-untc-iv-4'] },
  {
    id: 'cat-21',
    system: 'un',
    instrument: 'CAT',
    article: 'art. 21',
    kind: 'inter-state',
    acceptance: 'declaration',
    mechanism: 'CAT',
    articles: ['21'],
    wording: STATES_CLAIM,
    sourceIds: ['procedures-untc-iv-9', 'procedures-ohchr-fs17'],
  },
  {
    id: 'icmw-76',
    system: 'un',
    instrument: 'ICMW',
    article: 'art. 76',
    kind: 'inter-state',
    acceptance: 'declaration',
    mechanism: 'CMW',
    articles: ['76'],
    threshold: 10,
    sourceIds: ['procedures-icmw-text'],
  },
  {
    id: 'cped-32',
    system: 'un',
    instrument: 'CPED',
    article: 'art. 32',
    kind: 'inter-state',
    acceptance: 'declaration',
    mechanism: 'CED',
    articles: ['32'],
    wording: STATES_CLAIM,
    sourceIds: ['procedures-untc-iv-16'],
  },
  {
    id: 'op-icescr-10',
    system: 'un',
    instrument: 'OP-ICESCR',
    article: 'art. 10',
    kind: 'inter-state',
    acceptance: 'declaration',
    mechanism: 'CESCR',
    articles: ['10'],
    wording: STATES_CLAIM,
    sourceIds: ['procedures-un-handbook-op-icescr'],
  },
  {
    id: 'op-crc-ic-12',
    system: 'un',
    instrument: 'OP-CRC-IC',
    article: 'art. 12',
    kind: 'inter-state',
    acceptance: 'declaration',
    mechanism: 'CRC',
    articles: ['12'],
    sourceIds: ['procedures-untc-iv-11-d'],
  },
  // Inquiries
  {
    id: 'cat-20',
    system: 'un',
    instrument: 'CAT',
    article: 'art. 20',
    kind: 'inquiry',
    acceptance: 'party-unless-opted-out',
    optOutArticle: 'art. 28',
    mechanism: 'CAT',
    articles: ['20', '28'],
    sourceIds: ['procedures-untc-iv-9', 'procedures-ohchr-fs17'],
  },
  {
    id: 'op-cedaw-8',
    system: 'un',
    instrument: 'OP-CEDAW',
    article: 'art. 8',
    kind: 'inquiry',
    acceptance: 'party-unless-opted-out',
    optOutArticle: 'art. 10',
    mechanism: 'CEDAW',
    articles: ['8', '10'],
    sourceIds: ['procedures-untc-iv-8-b'],
  },
  {
    id: 'op-crpd-6',
    system: 'un',
    instrument: 'OP-CRPD',
    article: 'art. 6',
    kind: 'inquiry',
    acceptance: 'party-unless-opted-out',
    optOutArticle: 'art. 8',
    mechanism: 'CRPD',
    articles: ['6', '8'],
    sourceIds: ['procedures-ohchr-crpd-guide'],
  },
  {
    id: 'op-icescr-11',
    system: 'un',
    instrument: 'OP-ICESCR',
    article: 'art. 11',
    kind: 'inquiry',
    acceptance: 'declaration',
    mechanism: 'CESCR',
    articles: ['11'],
    sourceIds: ['procedures-un-handbook-op-icescr'],
  },
  {
    id: 'op-crc-ic-13',
    system: 'un',
    instrument: 'OP-CRC-IC',
    article: 'art. 13',
    kind: 'inquiry',
    acceptance: 'party-unless-opted-out',
    optOutArticle: 'art. 13(7)',
    mechanism: 'CRC',
    articles: ['13'],
    sourceIds: ['procedures-untc-iv-11-d'],
  },
  // Regional courts: declarations recorded in data/reference/instrument-parties with this id
  {
    id: 'echr-art25',
    system: 'regional',
    instrument: 'ECHR',
    article: 'former art. 25',
    kind: 'individual',
    acceptance: 'declaration',
    mechanism: 'ECTHR',
    until: '1998-10-31',
    petitionToCommission: true,
    sourceIds: [],
  },
  { id: 'echr-art46', system: 'regional', instrument: 'ECHR', article: 'former art. 46', kind: 'jurisdiction', acceptance: 'declaration', mechanism: 'ECTHR', until: '1998-10-31', sourceIds: [] },
  { id: 'achr-art62', system: 'regional', instrument: 'ACHR', article: 'art. 62', kind: 'jurisdiction', acceptance: 'declaration', mechanism: 'IACTHR', sourceIds: [] },
  { id: 'achpr-court-art34-6', system: 'regional', instrument: 'ACHPR-COURT', article: 'art. 34(6)', kind: 'individual', acceptance: 'declaration', mechanism: 'AFCHPR', sourceIds: [] },
];

export const PROCEDURE_IDS = PROCEDURES.map((p) => p.id);
/** The clauses a regional declaration in data/reference/instrument-parties may name. */
export const REGIONAL_PROCEDURE_IDS = PROCEDURES.filter((p) => p.system === 'regional').map((p) => p.id);

const BY_ID = new Map(PROCEDURES.map((p) => [p.id, p]));
export function procedureById(id: string): Procedure | undefined {
  return BY_ID.get(id);
}

/** Whether an optional clause had ceased to exist by asOf (e.g. the European Court's after Protocol No. 11). */
export function clauseEnded(id: string, asOf: string): boolean {
  const until = BY_ID.get(id)?.until;
  return until !== undefined && asOf > until;
}
