// `accord export treaty-actions`: every treaty action Accord holds, shipped or imported, one row
// each, with where it came from and what precedence did with it (followed, confirming a
// followed act, overruled and by which source, or a text), so that the export agrees with the API.
// The acts are read and resolved a page of participants at a time (pair-pages.ts): an export
// of a million acts holds one page of them, not the million.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { precisionOf } from '../../shared/dates.ts';
import type { Precision } from '../../shared/vocabularies.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
import type { TreatyAction } from './actions.ts';
import { loadPairContext, pagesOf, pairKey, resolvePairs } from './pair-pages.ts';
import { readActionParticipants, readInstrumentRefs, readStateCodes } from './repository.ts';
import { precedenceOf, type Precedence, type ResolvedPair } from './resolve.ts';

export interface TreatyActionExport {
  instrument: string;
  untc_ref: string | null;
  iso2: string | null;
  iso3: string | null;
  participant: string;
  kind: string;
  date: string | null;
  precision: Precision | null;
  effective: string | null;
  effective_rule: string | null;
  support: string;
  collection: string;
  precedence: Precedence;
  /** For an overruled act: the collection followed instead, and why. */
  overruled_by: string | null;
  note: string | null;
  source: string;
  text: string | null;
}

/** What a row needs besides the act: registry codes and the sources' addresses. */
export interface ActionLookups {
  untcRef: Map<string, string | null>;
  iso2: Map<string, string | null>;
  sources: Map<string, SourceView>;
}

export async function loadActionLookups(db: Kysely<Database>): Promise<ActionLookups> {
  const [instruments, states, sources] = await Promise.all([readInstrumentRefs(db), readStateCodes(db), loadSources(db)]);
  return { untcRef: new Map(instruments.map((i) => [i.code, i.untc_ref])), iso2: new Map(states.map((s) => [s.iso3, s.iso2])), sources };
}

export function actionRow(pair: ResolvedPair, a: TreatyAction, lookups: ActionLookups): TreatyActionExport {
  const conflict = pair.overruled.get(a);
  const urls = a.origin.sourceIds.map((id) => lookups.sources.get(id)?.url ?? id).join(' ');
  return {
    instrument: a.instrument,
    untc_ref: lookups.untcRef.get(a.instrument) ?? null,
    iso2: a.participantKind === 'state' ? (lookups.iso2.get(a.participant) ?? null) : null,
    iso3: a.participantKind === 'state' ? a.participant : null,
    participant: a.participantName,
    kind: a.kind,
    date: a.date,
    precision: a.date === null ? null : precisionOf(a.date),
    effective: a.effective,
    effective_rule: a.effectiveRule?.article ?? null,
    support: a.support,
    collection: a.origin.collection,
    precedence: precedenceOf(pair, a),
    overruled_by: conflict ? `${conflict.followed ?? 'none'} (${conflict.kind})` : null,
    note: a.note,
    source: `${a.origin.dataset} (${a.origin.file}, row ${a.origin.row}) <${urls}>`,
    text: a.text,
  };
}

/** Rows are in the order of this text: instrument, participant (a State's ISO code, else the
 *  name the source gives), date, source. */
export const actionOrder = (r: Pick<TreatyActionExport, 'instrument' | 'iso3' | 'participant' | 'date' | 'source'>) =>
  `${r.instrument}\u0000${r.iso3 ?? r.participant}\u0000${r.date ?? ''}\u0000${r.source}`;
export const byActionOrder = (a: TreatyActionExport, b: TreatyActionExport) => actionOrder(a).localeCompare(actionOrder(b));

/** The rows of one instrument and participant key: what the export sorts as a whole. */
interface ActionGroup {
  instrument: string;
  participant: string;
  /** A State's ISO code, or the name an organization is given (what rows sort by). */
  key: string;
  acts: number;
}

function actionGroups(participants: Awaited<ReturnType<typeof readActionParticipants>>): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const p of participants) {
    const key = p.participantKind === 'state' ? p.participant : p.participantName;
    const id = `${p.instrument}\u0000${p.participant}\u0000${key}`;
    const group = groups.get(id);
    if (group) group.acts += p.acts;
    else groups.set(id, { instrument: p.instrument, participant: p.participant, key, acts: p.acts });
  }
  // Groups sorted by the start of the row order, rows sorted within each group: the rows'
  // order, as long as no instrument and participant key begins another's (ISO codes have
  // three letters, the registry's codes are followed by a hyphen where one begins another).
  const start = (g: ActionGroup) => `${g.instrument}\u0000${g.key}`;
  return [...groups.values()].sort((a, b) => start(a).localeCompare(start(b)));
}

/** Every treaty action, page by page (pages of about `pageRows` acts, whole participants). */
export async function* treatyActionPages(db: Kysely<Database>, pageRows: number): AsyncGenerator<TreatyActionExport[]> {
  const [ctx, lookups, participants] = await Promise.all([loadPairContext(db), loadActionLookups(db), readActionParticipants(db)]);
  for (const page of pagesOf(actionGroups(participants), (g) => g.acts, pageRows)) {
    const pairs = await resolvePairs(db, ctx, page);
    yield page.flatMap((g) => {
      const pair = pairs.get(pairKey(g.instrument, g.participant));
      const acts = (pair?.all ?? []).filter((a) => (a.participantKind === 'state' ? a.participant : a.participantName) === g.key);
      return acts.map((a) => actionRow(pair!, a, lookups)).sort(byActionOrder);
    });
  }
}
