// Coverage (OP9): which regional human-rights mechanisms cover each State at a date, on
// what basis, and which States no regional mechanism covers.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { firstDay } from '../../shared/dates.ts';
import type { CoverageBasis } from '../../shared/vocabularies.ts';
import { listMechanisms, type MechanismRow } from '../mechanisms/repository.ts';
import { membershipEvents } from '../organizations/repository.ts';
import { belongs, membershipAt } from '../organizations/membership.ts';
import { listStates } from '../states/repository.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
import { treatyModel, type TreatyModel } from '../treaty-status/model.ts';
import { statusAt } from '../treaty-status/status-at.ts';
import { citedSources } from '../treaty-status/views.ts';
import { acceptanceInForce, actsBy } from '../treaty-status/status.ts';
import { PROCEDURES, type Procedure } from '../procedures/catalogue.ts';
import { procedureContexts, procedureStatusAt } from '../procedures/service.ts';
import type { ProcedureContext } from '../procedures/acceptance.ts';

export interface CoverageEntry {
  code: string;
  basis: CoverageBasis;
  individualComplaints: boolean;
  /** False when the fact that brings the State under the mechanism is not certain at asOf: it
   *  has no source, or (for a treaty) its day is not known, or it rests on a tertiary source only. */
  verified: boolean;
  /** Sources of the membership events or treaty actions in effect at asOf. */
  sourceIds: string[];
}

export interface Coverage {
  asOf: string;
  /** Per State, the regional mechanisms covering it and the UN treaty bodies' individual
   *  communication procedures it accepts at asOf (ids of modules/procedures: `cat-22`…). */
  states: { iso3: string; mechanisms: CoverageEntry[]; unIndividualProcedures: string[] }[];
  uncovered: string[];
  /** Mechanisms whose rule needs treaty data that the database does not hold yet. */
  incomplete: string[];
  /** Every source cited by an entry, by id (entries name them in sourceIds, to keep the answer small). */
  sources: Record<string, SourceView>;
}

/** A party rule may name several instruments: party to any of them counts. */
function coverageInstruments(m: MechanismRow): string[] {
  return m.coverage_instrument ? m.coverage_instrument.split(',') : [];
}

function establishedBy(m: MechanismRow, asOf: string): boolean {
  return m.established === null || firstDay(m.established) <= asOf;
}

/** Regional mechanisms in existence on asOf. */
async function regionalMechanisms(db: Kysely<Database>, asOf: string): Promise<MechanismRow[]> {
  return (await listMechanisms(db)).filter((m) => m.system === 'regional' && establishedBy(m, asOf));
}

function mechanismsCovering(iso3: string, asOf: string, regional: MechanismRow[], memberships: Memberships, actions: Actions): CoverageEntry[] {
  return regional.flatMap((m) => coverageOf(m, iso3, asOf, memberships, actions) ?? []);
}

export async function computeCoverage(db: Kysely<Database>, asOf: string): Promise<Coverage> {
  const [states, regional, memberships, allSources] = await Promise.all([listStates(db), regionalMechanisms(db, asOf), membershipEvents(db), loadSources(db)]);
  const actions = await treatyModel(db);
  const incomplete = regional.filter((m) => m.coverage_basis === 'party' && !coverageInstruments(m).some((code) => actions.pairs.has(code))).map((m) => m.code);
  const contexts = await procedureContexts(db, actions, asOf, UN_INDIVIDUAL, states);
  const result = states.map((state) => ({
    iso3: state.iso3,
    mechanisms: mechanismsCovering(state.iso3, asOf, regional, memberships, actions),
    unIndividualProcedures: unIndividualProcedures(actions, state.iso3, asOf, contexts),
  }));
  const sources = citedSources(
    allSources,
    result.flatMap((s) => s.mechanisms.flatMap((m) => m.sourceIds)),
  );
  return {
    asOf,
    states: result,
    uncovered: result.filter((s) => s.mechanisms.length === 0).map((s) => s.iso3),
    incomplete,
    sources,
  };
}

/** The same answer as computeCoverage for one State, reading only that State's facts. */
export async function coverageOfState(db: Kysely<Database>, iso3: string, asOf: string): Promise<CoverageEntry[]> {
  const [regional, memberships] = await Promise.all([regionalMechanisms(db, asOf), membershipEvents(db, { iso3 })]);
  const actions = await treatyModel(db);
  return mechanismsCovering(iso3, asOf, regional, memberships, actions);
}

const UN_INDIVIDUAL = PROCEDURES.filter((p) => p.system === 'un' && p.kind === 'individual');

/** The UN individual communication procedures a State accepts at asOf. */
function unIndividualProcedures(model: TreatyModel, iso3: string, asOf: string, contexts: Map<string, ProcedureContext>): string[] {
  return UN_INDIVIDUAL.filter((p) => procedureStatusAt(model, p, iso3, asOf, contexts.get(p.id)!).status === 'accepted').map((p) => p.id);
}

/** The regional optional clause of a mechanism of that kind in force at asOf, if any (the
 *  European Court's former Articles 25 and 46 until Protocol No. 11, the Inter-American
 *  Court's Article 62, the African Court's Article 34(6)). */
function optionalClause(m: MechanismRow, kind: 'jurisdiction' | 'individual', asOf: string): Procedure | undefined {
  // A right of petition to the former European Commission is not access to the Court.
  return PROCEDURES.find((p) => p.system === 'regional' && p.mechanism === m.code && p.kind === kind && !p.petitionToCommission && (!p.until || asOf <= p.until));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

type Memberships = Awaited<ReturnType<typeof membershipEvents>>;
type Actions = TreatyModel;

function coverageOf(m: MechanismRow, iso3: string, asOf: string, memberships: Memberships, actions: Actions): CoverageEntry | undefined {
  const complaints = m.individual_complaints === 1;
  if (m.coverage_basis === 'membership') {
    const events = memberships.get(m.coverage_organization ?? '')?.get(iso3);
    if (!events) return undefined;
    const at = membershipAt(events, asOf);
    if (!belongs(at.status)) return undefined;
    const decided = events.filter((e) => e.date === null || firstDay(e.date) <= asOf);
    return { code: m.code, basis: 'membership', individualComplaints: complaints, verified: at.verified, sourceIds: unique(decided.flatMap((e) => e.sourceIds)) };
  }
  if (m.coverage_basis === 'party') {
    const partyTo = coverageInstruments(m)
      .map((code) => ({ pair: actions.pairs.get(code)?.get(iso3), at: statusAt(actions, code, iso3, asOf) }))
      .filter((x): x is { pair: NonNullable<typeof x.pair>; at: typeof x.at } => x.pair !== undefined && (x.at.status === 'party' || x.at.status === 'uncertain'))
      .sort((a, b) => Number(a.at.status !== 'party') - Number(b.at.status !== 'party'))[0];
    if (!partyTo) return undefined;
    const verified = partyTo.at.status === 'party';
    const sourceIds = unique(actsBy(partyTo.pair, asOf, ['consent', 'denunciation', 'declaration']).flatMap((a) => a.origin.sourceIds));
    // The court's optional clauses in force at that date (modules/procedures): its jurisdiction,
    // and individuals' access, each accepted by a declaration of that clause.
    const clause = (kind: 'jurisdiction' | 'individual') => optionalClause(m, kind, asOf);
    const accepted = (id: string) => acceptanceInForce(partyTo.pair, asOf, id);
    const jurisdiction = clause('jurisdiction');
    const individual = clause('individual');
    const individualComplaints = complaints && (individual === undefined || accepted(individual.id));
    if (jurisdiction) {
      if (!accepted(jurisdiction.id)) return undefined;
      // Under a clause that later ceased (the European Court before Protocol No. 11), individuals
      // petitioned the Commission, not the Court.
      const direct = jurisdiction.until === undefined && (individual ? individualComplaints : complaints);
      return { code: m.code, basis: 'party-and-acceptance', individualComplaints: direct, verified, sourceIds };
    }
    return { code: m.code, basis: 'party', individualComplaints, verified, sourceIds };
  }
  return undefined; // 'un-membership' rules are for UN mechanisms, which are not regional
}
