// Treaty status answers for the API, the CLI and coverage: an instrument's participants at a
// date and a State's treaties. The matrix, counts and history are in matrix.ts; the
// disagreements between sources and the datasets in data-quality.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { loadSources } from '../sources/repository.ts';
import { findState, listStates } from '../states/repository.ts';
import { treatyModel } from './model.ts';
import { findInstrumentRef, readInstrumentRefs } from './repository.ts';
import type { ResolvedPair } from './resolve.ts';
import { hasData } from './status-at.ts';
import { citedSources, collectionsOf, countStatus, emptyCounts, pairStatus, sourceIdsOf } from './views.ts';

export async function requireInstrument(db: Kysely<Database>, code: string) {
  const row = await findInstrumentRef(db, code);
  if (!row) throw new NotFoundError('instrument', code);
  return row;
}

export async function instrumentStatus(db: Kysely<Database>, code: string, asOf: string) {
  await requireInstrument(db, code);
  const [model, states, allSources] = await Promise.all([treatyModel(db), listStates(db), loadSources(db)]);
  const pairs = model.pairs.get(code) ?? new Map<string, ResolvedPair>();
  const counts = emptyCounts();
  const rows = states.map((s) => {
    const view = pairStatus(model, code, s.iso3, asOf);
    countStatus(counts, { status: view.status, support: view.support, deciding: null, uncertainty: view.uncertainty, because: view.because });
    return { iso2: s.iso2, iso3: s.iso3, ...view };
  });
  const organizations = [...pairs.values()].filter((p) => p.participantKind === 'organization').map((p) => ({ id: p.participant, ...pairStatus(model, code, p.participant, asOf) }));
  return {
    instrument: code,
    asOf,
    hasData: hasData(model, code),
    counts,
    collections: collectionsOf(model, [code]),
    states: rows,
    organizations,
    sources: citedSources(allSources, sourceIdsOf([...rows, ...organizations])),
  };
}

export async function stateTreaties(db: Kysely<Database>, code: string, asOf: string) {
  const state = await findState(db, code);
  if (!state) throw new NotFoundError('state', code);
  const [model, instruments, allSources] = await Promise.all([treatyModel(db), readInstrumentRefs(db), loadSources(db)]);
  const treaties = instruments.map((i) => {
    const pair = model.pairs.get(i.code)?.get(state.iso3);
    const reservations = (pair?.texts ?? [])
      .filter((t) => t.text !== null)
      .map((t) => ({
        kind: t.kind,
        date: t.date,
        text: t.text!,
        section: t.origin.column,
        collection: t.origin.collection,
        sourceIds: t.origin.sourceIds,
        file: t.origin.file,
        row: t.origin.row,
      }));
    return { instrument: i.code, untcRef: i.untc_ref, ...pairStatus(model, i.code, state.iso3, asOf), reservations };
  });
  const conflicts = model.conflicts.filter((c) => c.participant === state.iso3).length;
  const statehood = model.statehood.get(state.iso3) ?? null;
  const ids = new Set([...sourceIdsOf(treaties), ...treaties.flatMap((t) => t.reservations.flatMap((r) => r.sourceIds)), ...(statehood?.sourceIds ?? [])]);
  return {
    iso3: state.iso3,
    iso2: state.iso2,
    asOf,
    statehood,
    treaties,
    conflicts,
    collections: collectionsOf(
      model,
      instruments.map((i) => i.code),
    ),
    sources: citedSources(allSources, ids),
  };
}
