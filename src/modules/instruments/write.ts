// Creating an instrument and correcting its facts (dates, depositary, parent, organization…),
// through the write path, as organizations/write.ts does for organizations: the policy decides
// inside the transaction; an update names the version it read; each change rests on a source;
// a correction of a shipped instrument keeps the shipped value beside it. The topic
// `instruments` changes: the treaty model reads instruments' dates, so it follows.
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
import { organizationProblem, parseInput, throwIfProblems } from '../edits/validate.ts';
import { insertNames } from '../names/repository.ts';
import { INSTRUMENT_FIELDS, INSTRUMENT_NAME_FIELDS } from './fields.ts';
import { mayCreateInstrument, mayUpdateInstrument } from './policy.ts';
import { findInstrument, insertInstrument, updateInstrumentIfVersion } from './repository.ts';
import { instrumentCreateSchema, instrumentUpdateSchema, type InstrumentCreateBody, type InstrumentUpdateBody } from './schema.ts';
import { instrumentView } from './service.ts';

const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

/** What only the registry knows: the organization and the parent instrument must exist. */
async function registryProblems(db: Kysely<Database>, body: { organizationId?: string | null; parentCode?: string | null }): Promise<Problem[]> {
  const problems = await organizationProblem(db, 'organizationId', body.organizationId);
  if (body.parentCode != null && !(await findInstrument(db, body.parentCode))) problems.push({ field: 'parentCode', reason: `no instrument "${body.parentCode}" in the registry` });
  return problems;
}

export const createInstrumentUseCase: UseCase<InstrumentCreateBody, { code: string; version: number }> = {
  name: 'instruments.create',
  topics: ['instruments', 'names', 'sources'],
  async run(trx, input, context) {
    const body = parseInput(instrumentCreateSchema, input, 'The new instrument');
    const editor = editorOf(context);
    requireRight(editor, mayCreateInstrument(editor, body), body.organizationId ? `create instruments of ${body.organizationId}` : 'create UN instruments');
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const problems = [...source.problems, ...(await registryProblems(trx, body)), ...access.problems];
    if (await findInstrument(trx, body.code)) problems.push({ field: 'code', reason: `an instrument "${body.code}" already exists` });
    throwIfProblems(problems, `The instrument ${body.code}`);
    const newSource = await storeSource(trx, source, access.stored);
    await insertInstrument(trx, {
      code: body.code,
      kind: body.kind,
      binding: body.binding ? 1 : 0,
      system: body.system,
      organization_id: body.organizationId,
      core: 0, // the 18 core instruments are shipped; a new one is not among them
      untc_ref: body.untcRef ?? null,
      parent_code: body.parentCode ?? null,
      adopted: body.adopted ?? null,
      adopted_place: body.adoptedPlace ?? null,
      entry_into_force: body.entryIntoForce ?? null,
      depositary: body.depositary ?? null,
      note: body.note ?? null,
      unverified: '[]',
      sources: JSON.stringify([source.id]),
      origin: 'user',
      ...access.stored,
    });
    await insertNames(trx, enteredNames('instrument', body.code, { name: body.title, acronym: body.shortTitle }, source.id, { actor: context.actor, at: new Date().toISOString() }));
    const { source: _input, ...after } = body;
    return {
      result: { code: body.code, version: 1 },
      audit: [{ action: 'create', entityKind: 'instrument', entityId: body.code, after: { ...after, source: source.id }, summary: `${body.code} created: ${body.title.en} (source ${source.id})` }],
      topics: touchedBy(['instruments', 'names'], { newSource, namesChanged: false }),
    };
  },
};

export type InstrumentUpdate = InstrumentUpdateBody & { code: string; expectedVersion?: number };

async function stale(db: Kysely<Database>, code: string): Promise<StaleVersionError> {
  const current = await instrumentView(db, code, 'en');
  return new StaleVersionError(`instrument ${code}`, current, current.version);
}

export const updateInstrumentUseCase: UseCase<InstrumentUpdate, { changed: string[]; version: number }> = {
  name: 'instruments.update',
  topics: ['instruments', 'names', 'sources'],
  async run(trx, input, context) {
    const { code: asked, expectedVersion, ...rest } = input;
    const found = await findInstrument(trx, asked);
    const code = found?.code ?? asked;
    const target = {
      kind: 'instrument',
      id: code,
      row: found,
      allowed: (editor: Editor, row: { organization_id: string | null }) => mayUpdateInstrument(editor, { organizationId: row.organization_id }),
      attempt: `correct the instrument ${code}`,
      expectedVersion,
      stale: () => stale(trx, code),
    };
    const { row, editor, expected, body, source, access, stamp } = await openCorrection(trx, context, target, instrumentUpdateSchema, rest);
    if (body.organizationId !== undefined)
      requireRight(editor, mayUpdateInstrument(editor, { organizationId: body.organizationId }), `give the instrument ${code} to ${body.organizationId ?? 'the UN'}`);
    const names = await planNames(trx, 'instrument', code, INSTRUMENT_NAME_FIELDS, body);
    const problems = [...source.problems, ...names.problems, ...(await registryProblems(trx, body)), ...access.problems];
    if (body.parentCode === code) problems.push({ field: 'parentCode', reason: 'an instrument is not its own parent' });
    throwIfProblems(problems, `The correction of ${code}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'instrument',
      entityId: code,
      expected,
      plan: planUpdate(row, INSTRUMENT_FIELDS, { ...body, binding: flag(body.binding) }, stamp),
      names: names.plan,
      access,
      source,
      stamp,
      write: (set) => updateInstrumentIfVersion(trx, code, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['instruments'], applied) };
  },
};

export function createInstrument(db: Kysely<Database>, input: InstrumentCreateBody, context: WriteContext) {
  return runUseCase(db, createInstrumentUseCase, input, context);
}

export function updateInstrument(db: Kysely<Database>, input: InstrumentUpdate, context: WriteContext) {
  return runUseCase(db, updateInstrumentUseCase, input, context);
}
