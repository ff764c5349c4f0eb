// Funding agreements entered, changed and deleted through the write path (use cases
// funding-agreements.create|update|delete): OHCHR editors and administrators (the programme's
// policy, asked inside the transaction), a source for every create and update, If-Match versions,
// confidentiality and audience. An agreement that budget lines or transactions name is not
// deleted (they would lose their funding's record). The topic `projects` changes.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, StaleVersionError } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { cooperationPermissions, mayWriteCooperation } from '../cooperation/policy.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { type FieldSpec, planUpdate } from '../edits/corrections.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, requireVersion, throwIfProblems } from '../edits/validate.ts';
import { agreementUses } from '../projects/repository.ts';
import { deleteAgreementIfVersion, findAgreement, insertAgreement, updateAgreementIfVersion } from './repository.ts';
import { agreementProblems } from './rules.ts';
import { agreementCreateSchema, agreementUpdateSchema, type AgreementUpdateBody } from './schema.ts';
import { agreementView } from './service.ts';

export const AGREEMENT_FIELDS: readonly FieldSpec[] = [
  { field: 'title', column: 'title' },
  { field: 'reference', column: 'reference' },
  { field: 'donorName', column: 'donor_name' },
  { field: 'donorRef', column: 'donor_ref' },
  { field: 'donorType', column: 'donor_type' },
  { field: 'signed', column: 'signed' },
  { field: 'startDate', column: 'start_date' },
  { field: 'endDate', column: 'end_date' },
  { field: 'amount', column: 'amount' },
  { field: 'currency', column: 'currency' },
];

async function stale(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await agreementView(db, id);
  return new StaleVersionError(`funding agreement ${id}`, current, current.version);
}

export const createAgreementUseCase: UseCase<unknown, { id: string; version: number }> = {
  name: 'funding-agreements.create',
  topics: ['projects', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter a funding agreement');
    const body = parseInput(agreementCreateSchema, input, 'The funding agreement');
    const id = body.id ?? `agreement-${randomUUID().slice(0, 8)}`;
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const facts = { startDate: body.startDate ?? null, endDate: body.endDate ?? null, amount: body.amount ?? null, currency: body.currency ?? null };
    const problems = [...source.problems, ...access.problems, ...agreementProblems(facts)];
    if (await findAgreement(trx, id)) problems.push({ field: 'id', reason: `a funding agreement "${id}" already exists` });
    throwIfProblems(problems, `The funding agreement ${id}`);
    const newSource = await storeSource(trx, source, access.stored);
    const at = new Date().toISOString();
    const row = {
      id,
      title: body.title,
      reference: body.reference ?? null,
      donor_name: body.donorName,
      donor_ref: body.donorRef ?? null,
      donor_type: body.donorType ?? null,
      signed: body.signed ?? null,
      start_date: facts.startDate,
      end_date: facts.endDate,
      amount: facts.amount,
      currency: facts.currency,
      sources: JSON.stringify([source.id]),
      origin: 'user',
      created_by: context.actor,
      created_at: at,
      updated_at: at,
      ...access.stored,
    };
    await insertAgreement(trx, row);
    const { source: _s, id: _id, ...after } = body;
    return {
      result: { id, version: 1 },
      audit: [
        {
          action: 'create',
          entityKind: 'funding-agreement',
          entityId: id,
          after: { ...after, amount: facts.amount, source: source.id },
          summary: `${id} entered: ${body.title} (source ${source.id})`,
        },
      ],
      topics: touchedBy(['projects'], { newSource, namesChanged: false }),
    };
  },
};

export type AgreementUpdate = AgreementUpdateBody & { id: string; expectedVersion?: number };

export const updateAgreementUseCase: UseCase<AgreementUpdate, { changed: string[]; version: number }> = {
  name: 'funding-agreements.update',
  topics: ['projects', 'sources'],
  async run(trx, input, context) {
    const { id, expectedVersion, ...rest } = input;
    const found = await findAgreement(trx, id);
    const target = {
      kind: 'funding agreement',
      id,
      row: found,
      allowed: mayWriteCooperation,
      attempt: `change the funding agreement ${id}`,
      expectedVersion,
      stale: () => stale(trx, id),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, agreementUpdateSchema, rest);
    const wanted = body;
    const merged = (field: keyof typeof wanted, column: keyof typeof row) => (wanted[field] !== undefined ? (wanted[field] as string | null) : (row[column] as string | null));
    const facts = { startDate: merged('startDate', 'start_date'), endDate: merged('endDate', 'end_date'), amount: merged('amount', 'amount'), currency: merged('currency', 'currency') };
    throwIfProblems([...source.problems, ...access.problems, ...agreementProblems(facts)], `The change of ${id}`);
    const plan = planUpdate(row, AGREEMENT_FIELDS, wanted, stamp);
    const applied = await applyCorrection(trx, {
      entityKind: 'funding-agreement',
      entityId: id,
      expected,
      plan: { ...plan, set: plan.changed.length ? { ...plan.set, updated_at: stamp.at } : plan.set },
      access,
      source,
      stamp,
      write: (set) => updateAgreementIfVersion(trx, id, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['projects'], applied) };
  },
};

export const deleteAgreementUseCase: UseCase<{ id: string; expectedVersion?: number }, { deleted: boolean }> = {
  name: 'funding-agreements.delete',
  topics: ['projects'],
  async run(trx, input, context) {
    const row = await findAgreement(trx, input.id);
    if (!row) throw new NotFoundError('funding agreement', input.id);
    const editor = editorOf(context);
    requireRight(editor, cooperationPermissions(editor).delete, `delete the funding agreement ${input.id}`);
    const expected = requireVersion(input.expectedVersion, 'funding agreement');
    if (expected !== row.row_version) throw await stale(trx, input.id);
    const uses = await agreementUses(trx, input.id);
    throwIfProblems(uses ? [{ field: 'id', reason: `${uses} budget lines or transactions are funded under it: change them first` }] : [], `The funding agreement ${input.id}`);
    if (!(await deleteAgreementIfVersion(trx, input.id, expected))) throw await stale(trx, input.id);
    return {
      result: { deleted: true },
      audit: [
        {
          action: 'delete',
          entityKind: 'funding-agreement',
          entityId: input.id,
          before: { title: row.title, donorName: row.donor_name, sources: JSON.parse(row.sources) },
          summary: `${input.id} deleted: ${row.title}`,
        },
      ],
    };
  },
};

export const createAgreement = (db: Kysely<Database>, input: unknown, context: WriteContext) => runUseCase(db, createAgreementUseCase, input, context);
export const updateAgreement = (db: Kysely<Database>, input: AgreementUpdate, context: WriteContext) => runUseCase(db, updateAgreementUseCase, input, context);
export const deleteAgreement = (db: Kysely<Database>, input: { id: string; expectedVersion?: number }, context: WriteContext) => runUseCase(db, deleteAgreementUseCase, input, context);
