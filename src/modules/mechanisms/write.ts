// Creating a mechanism and correcting its facts (seat, dates, complaints, coverage rule),
// through the write path, as organizations/write.ts does for organizations. The coverage rule
// is checked whole after the change: `membership` names an organization, `party` one or more
// instruments, `un-membership` neither. The topic `mechanisms` changes (coverage follows).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { StaleVersionError, type Problem } from '../../shared/errors.ts';
import { type Editor, requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { planUpdate } from '../edits/corrections.ts';
import { planNames } from '../edits/name-corrections.ts';
import { enteredNames } from '../edits/names.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { organizationProblem, parseInput, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { findInstrument } from '../instruments/repository.ts';
import { insertNames } from '../names/repository.ts';
import { MECHANISM_FIELDS, MECHANISM_NAME_FIELDS } from './fields.ts';
import { mayCreateMechanism, mayUpdateMechanism } from './policy.ts';
import { findMechanism, insertMechanism, updateMechanismIfVersion } from './repository.ts';
import { mechanismCreateSchema, mechanismUpdateSchema, type MechanismCreateBody, type MechanismUpdateBody } from './schema.ts';
import { mechanismView } from './service.ts';

const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
/** Several instruments are stored joined by ',' (party to any of them). */
const joined = (codes: string[] | null | undefined) => (codes === undefined ? undefined : codes === null || codes.length === 0 ? null : codes.join(','));

/** The columns the coverage rule is read from, as they will be after the change. */
interface Coverage {
  coverage_basis: string;
  coverage_organization: string | null;
  coverage_instrument: string | null;
}

async function instrumentProblems(db: Kysely<Database>, field: string, codes: readonly string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [i, code] of codes.entries())
    if (!(await findInstrument(db, code))) problems.push({ field: codes.length > 1 ? `${field}.${i}` : field, reason: `no instrument "${code}" in the registry` });
  return problems;
}

/** The rule is whole: each basis names what it needs and nothing else. */
function coverageProblems(c: Coverage): Problem[] {
  const problems: Problem[] = [];
  const membership = c.coverage_basis === 'membership';
  const party = c.coverage_basis === 'party';
  if (membership && c.coverage_organization === null) problems.push({ field: 'coverageOrganization', reason: 'the rule membership names an organization' });
  if (!membership && c.coverage_organization !== null) problems.push({ field: 'coverageOrganization', reason: `the rule ${c.coverage_basis} names no organization` });
  if (party && c.coverage_instrument === null) problems.push({ field: 'coverageInstruments', reason: 'the rule party names one or more instruments' });
  if (!party && c.coverage_instrument !== null) problems.push({ field: 'coverageInstruments', reason: `the rule ${c.coverage_basis} names no instruments` });
  return problems;
}

/** What only the registry knows: the organizations, State and instruments named must exist. */
async function registryProblems(db: Kysely<Database>, body: Partial<MechanismUpdateBody>): Promise<Problem[]> {
  return [
    ...(await organizationProblem(db, 'organizationId', body.organizationId)),
    ...(await organizationProblem(db, 'coverageOrganization', body.coverageOrganization)),
    ...(await stateProblem(db, 'seatIso3', body.seatIso3)),
    ...(await instrumentProblems(db, 'establishingInstrument', body.establishingInstrument ? [body.establishingInstrument] : [])),
    ...(await instrumentProblems(db, 'coverageInstruments', body.coverageInstruments ?? [])),
  ];
}

export const createMechanismUseCase: UseCase<MechanismCreateBody, { code: string; version: number }> = {
  name: 'mechanisms.create',
  topics: ['mechanisms', 'names', 'sources'],
  async run(trx, input, context) {
    const body = parseInput(mechanismCreateSchema, input, 'The new mechanism');
    const editor = editorOf(context);
    requireRight(editor, mayCreateMechanism(editor, body), body.organizationId ? `create mechanisms of ${body.organizationId}` : 'create UN mechanisms');
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const coverage = { coverage_basis: body.coverageBasis, coverage_organization: body.coverageOrganization ?? null, coverage_instrument: joined(body.coverageInstruments) ?? null };
    const problems = [...source.problems, ...(await registryProblems(trx, body)), ...coverageProblems(coverage), ...access.problems];
    if (await findMechanism(trx, body.code)) problems.push({ field: 'code', reason: `a mechanism "${body.code}" already exists` });
    throwIfProblems(problems, `The mechanism ${body.code}`);
    const newSource = await storeSource(trx, source, access.stored);
    await insertMechanism(trx, {
      code: body.code,
      kind: body.kind,
      system: body.system,
      organization_id: body.organizationId,
      seat_city: body.seatCity ?? null,
      seat_iso3: body.seatIso3 ?? null,
      establishing_instrument: body.establishingInstrument ?? null,
      established: body.established ?? null,
      individual_complaints: body.individualComplaints ? 1 : 0,
      individual_complaints_note: body.individualComplaintsNote ?? null,
      ...coverage,
      coverage_acceptance: body.coverageAcceptanceNeededFor ?? null,
      coverage_acceptance_text: body.coverageAcceptance ?? null,
      note: body.note ?? null,
      unverified: '[]',
      sources: JSON.stringify([source.id]),
      origin: 'user',
      ...access.stored,
    });
    await insertNames(trx, enteredNames('mechanism', body.code, { name: body.name, acronym: body.acronym }, source.id, { actor: context.actor, at: new Date().toISOString() }));
    const { source: _input, ...after } = body;
    return {
      result: { code: body.code, version: 1 },
      audit: [{ action: 'create', entityKind: 'mechanism', entityId: body.code, after: { ...after, source: source.id }, summary: `${body.code} created: ${body.name.en} (source ${source.id})` }],
      topics: touchedBy(['mechanisms', 'names'], { newSource, namesChanged: false }),
    };
  },
};

export type MechanismUpdate = MechanismUpdateBody & { code: string; expectedVersion?: number };

async function stale(db: Kysely<Database>, code: string): Promise<StaleVersionError> {
  const current = await mechanismView(db, code, 'en');
  return new StaleVersionError(`mechanism ${code}`, current, current.version);
}

export const updateMechanismUseCase: UseCase<MechanismUpdate, { changed: string[]; version: number }> = {
  name: 'mechanisms.update',
  topics: ['mechanisms', 'names', 'sources'],
  async run(trx, input, context) {
    const { code: asked, expectedVersion, ...rest } = input;
    const found = await findMechanism(trx, asked);
    const code = found?.code ?? asked;
    const target = {
      kind: 'mechanism',
      id: code,
      row: found,
      allowed: (editor: Editor, row: { organization_id: string | null }) => mayUpdateMechanism(editor, { organizationId: row.organization_id }),
      attempt: `correct the mechanism ${code}`,
      expectedVersion,
      stale: () => stale(trx, code),
    };
    const { row, editor, expected, body, source, access, stamp } = await openCorrection(trx, context, target, mechanismUpdateSchema, rest);
    if (body.organizationId !== undefined)
      requireRight(editor, mayUpdateMechanism(editor, { organizationId: body.organizationId }), `give the mechanism ${code} to ${body.organizationId ?? 'the UN'}`);
    const names = await planNames(trx, 'mechanism', code, MECHANISM_NAME_FIELDS, body);
    const wanted = { ...body, individualComplaints: flag(body.individualComplaints), coverageInstruments: joined(body.coverageInstruments) };
    const coverage = {
      coverage_basis: wanted.coverageBasis ?? row.coverage_basis,
      coverage_organization: wanted.coverageOrganization === undefined ? row.coverage_organization : wanted.coverageOrganization,
      coverage_instrument: wanted.coverageInstruments === undefined ? row.coverage_instrument : wanted.coverageInstruments,
    };
    throwIfProblems([...source.problems, ...names.problems, ...(await registryProblems(trx, body)), ...coverageProblems(coverage), ...access.problems], `The correction of ${code}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'mechanism',
      entityId: code,
      expected,
      plan: planUpdate(row, MECHANISM_FIELDS, wanted, stamp),
      names: names.plan,
      access,
      source,
      stamp,
      write: (set) => updateMechanismIfVersion(trx, code, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['mechanisms'], applied) };
  },
};

export function createMechanism(db: Kysely<Database>, input: MechanismCreateBody, context: WriteContext) {
  return runUseCase(db, createMechanismUseCase, input, context);
}

export function updateMechanism(db: Kysely<Database>, input: MechanismUpdate, context: WriteContext) {
  return runUseCase(db, updateMechanismUseCase, input, context);
}
