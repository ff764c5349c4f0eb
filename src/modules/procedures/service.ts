// Procedure answers for the API, exports and coverage: one State's procedures at a date, every
// procedure with its counts, and every State under one procedure.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { loadSources } from '../sources/repository.ts';
import { findState, listStates } from '../states/repository.ts';
import { treatyModel, type TreatyModel } from '../treaty-status/model.ts';
import { readInstrumentDates } from '../treaty-status/repository.ts';
import { citedSources } from '../treaty-status/views.ts';
import { asOfFor } from '../treaty-status/actions.ts';
import { PROCEDURE_STATUSES, type ProcedureStatus } from '../../shared/vocabularies.ts';
import { procedureActs, procedureAt, type ProcedureAct, type ProcedureAt, type ProcedureContext } from './acceptance.ts';
import { PROCEDURES, procedureById, type Procedure } from './catalogue.ts';

/** Acts are read from the texts once per treaty model (the model changes when data do). */
const actsByModel = new WeakMap<TreatyModel, Map<string, ProcedureAct[]>>();

export function actsOf(model: TreatyModel, procedure: Procedure, iso3: string): ProcedureAct[] {
  let byKey = actsByModel.get(model);
  if (!byKey) {
    byKey = new Map();
    actsByModel.set(model, byKey);
  }
  const key = `${procedure.id}|${iso3}`;
  let acts = byKey.get(key);
  if (!acts) {
    acts = procedureActs(model, procedure, iso3, model.procedureNoteActs);
    byKey.set(key, acts);
  }
  return acts;
}

/** What each procedure's own clauses say at asOf: whether its instrument is in force, whether
 *  enough States accept a clause that needs a number of them, up to when the UN pages speak. */
export async function procedureContexts(
  db: Kysely<Database>,
  model: TreatyModel,
  asOf: string,
  procedures: Procedure[] = PROCEDURES,
  known?: { iso3: string }[],
): Promise<Map<string, ProcedureContext>> {
  const [instruments, states] = await Promise.all([readInstrumentDates(db), known ?? listStates(db)]);
  const inForce = new Map(instruments.map((i) => [i.code, i.entry_into_force]));
  const pages = model.collections.get('untc-html');
  const contexts = new Map<string, ProcedureContext>();
  for (const p of procedures) {
    const accepting = p.threshold === undefined ? 0 : states.filter((s) => lastAcceptanceBy(actsOf(model, p, s.iso3), asOf)).length;
    contexts.set(p.id, {
      instrumentInForce: inForce.get(p.instrument) ?? null,
      thresholdMet: p.threshold === undefined || accepting >= p.threshold,
      pagesAsOf: pages ? asOfFor(pages, p.instrument) : null,
    });
  }
  return contexts;
}

/** Whether a State's latest act on a clause by asOf is an acceptance. */
function lastAcceptanceBy(acts: ProcedureAct[], asOf: string): boolean {
  const done = acts.filter((a) => a.date !== null && a.date <= asOf && (a.effect === 'accept' || a.effect === 'withdraw-acceptance'));
  return done.at(-1)?.effect === 'accept';
}

export function procedureStatusAt(model: TreatyModel, procedure: Procedure, iso3: string, asOf: string, context: ProcedureContext): ProcedureAt {
  return procedureAt(model, procedure, iso3, asOf, actsOf(model, procedure, iso3), context);
}

function describe(p: Procedure) {
  return {
    id: p.id,
    system: p.system,
    instrument: p.instrument,
    article: p.article,
    kind: p.kind,
    acceptance: p.acceptance,
    optOutArticle: p.optOutArticle ?? null,
    mechanism: p.mechanism,
    until: p.until ?? null,
    sourceIds: p.sourceIds,
  };
}

function view(at: ProcedureAt) {
  const act = at.act;
  return {
    status: at.status,
    treatyStatus: at.treatyStatus,
    since: at.since,
    act: act
      ? {
          effect: act.effect,
          date: act.date,
          dateFromConsent: act.dateFromConsent,
          quote: act.quote,
          sourceIds: act.sourceIds,
          collection: act.origin.collection,
          file: act.origin.file,
          row: act.origin.row,
        }
      : null,
  };
}

const emptyCounts = () => Object.fromEntries(PROCEDURE_STATUSES.map((s) => [s, 0])) as Record<ProcedureStatus, number>;

function sourcesOf(procedures: Procedure[], views: { act: { sourceIds: string[] } | null }[]): string[] {
  return [...procedures.flatMap((p) => p.sourceIds), ...views.flatMap((v) => v.act?.sourceIds ?? [])];
}

export async function stateProcedures(db: Kysely<Database>, iso3: string, asOf: string) {
  const state = await findState(db, iso3);
  if (!state) throw new NotFoundError('state', iso3);
  const [model, allSources] = await Promise.all([treatyModel(db), loadSources(db)]);
  const contexts = await procedureContexts(db, model, asOf);
  const procedures = PROCEDURES.map((p) => ({ ...describe(p), ...view(procedureStatusAt(model, p, state.iso3, asOf, contexts.get(p.id)!)) }));
  return { iso3: state.iso3, asOf, procedures, sources: citedSources(allSources, sourcesOf(PROCEDURES, procedures)) };
}

export async function listProcedures(db: Kysely<Database>, asOf: string, filter: { mechanism?: string; instrument?: string } = {}) {
  const [model, states, allSources] = await Promise.all([treatyModel(db), listStates(db), loadSources(db)]);
  const chosen = PROCEDURES.filter((p) => (!filter.mechanism || p.mechanism === filter.mechanism) && (!filter.instrument || p.instrument === filter.instrument));
  const contexts = await procedureContexts(db, model, asOf, chosen, states);
  const procedures = chosen.map((p) => {
    const counts = emptyCounts();
    for (const s of states) counts[procedureStatusAt(model, p, s.iso3, asOf, contexts.get(p.id)!).status] += 1;
    return { ...describe(p), counts };
  });
  return {
    asOf,
    procedures,
    sources: citedSources(
      allSources,
      chosen.flatMap((p) => p.sourceIds),
    ),
  };
}

export async function procedureStates(db: Kysely<Database>, id: string, asOf: string) {
  const procedure = procedureById(id);
  if (!procedure) throw new NotFoundError('procedure', id);
  const [model, states, allSources] = await Promise.all([treatyModel(db), listStates(db), loadSources(db)]);
  const counts = emptyCounts();
  const context = (await procedureContexts(db, model, asOf, [procedure], states)).get(procedure.id)!;
  const rows = states.map((s) => {
    const at = procedureStatusAt(model, procedure, s.iso3, asOf, context);
    counts[at.status] += 1;
    return { iso3: s.iso3, ...view(at) };
  });
  return { asOf, procedure: { ...describe(procedure), counts }, states: rows, sources: citedSources(allSources, sourcesOf([procedure], rows)) };
}
