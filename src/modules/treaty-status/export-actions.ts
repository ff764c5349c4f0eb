// `accord export treaty-actions`: every treaty action Accord holds, shipped or imported, one row
// each, with where it came from and what precedence did with it (followed, confirming a
// followed act, overruled and by which source, or a text), so that the export agrees with the API.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { precisionOf } from '../../shared/dates.ts';
import type { Precision } from '../../shared/vocabularies.ts';
import { loadSources } from '../sources/repository.ts';
import { treatyModel } from './model.ts';
import { readInstrumentRefs, readStateCodes } from './repository.ts';
import { precedenceOf, type Precedence } from './resolve.ts';

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

export async function listTreatyActions(db: Kysely<Database>): Promise<TreatyActionExport[]> {
  const [model, instruments, states, sources] = await Promise.all([
    treatyModel(db), readInstrumentRefs(db), readStateCodes(db), loadSources(db),
  ]);
  const untcRef = new Map(instruments.map((i) => [i.code, i.untc_ref]));
  const iso2 = new Map(states.map((s) => [s.iso3, s.iso2]));
  const rows: TreatyActionExport[] = [];
  for (const byParticipant of model.pairs.values()) {
    for (const pair of byParticipant.values()) {
      for (const a of pair.all) {
        const conflict = pair.overruled.get(a);
        const urls = a.origin.sourceIds.map((id) => sources.get(id)?.url ?? id).join(' ');
        rows.push({
          instrument: a.instrument, untc_ref: untcRef.get(a.instrument) ?? null,
          iso2: a.participantKind === 'state' ? (iso2.get(a.participant) ?? null) : null, iso3: a.participantKind === 'state' ? a.participant : null,
          participant: a.participantName, kind: a.kind, date: a.date, precision: a.date === null ? null : precisionOf(a.date),
          effective: a.effective, effective_rule: a.effectiveRule?.article ?? null, support: a.support, collection: a.origin.collection,
          precedence: precedenceOf(pair, a), overruled_by: conflict ? `${conflict.followed ?? 'none'} (${conflict.kind})` : null,
          note: a.note, source: `${a.origin.dataset} (${a.origin.file}, row ${a.origin.row}) <${urls}>`, text: a.text,
        });
      }
    }
  }
  const order = (r: TreatyActionExport) => `${r.instrument}\u0000${r.iso3 ?? r.participant}\u0000${r.date ?? ''}\u0000${r.source}`;
  return rows.sort((a, b) => order(a).localeCompare(order(b)));
}
