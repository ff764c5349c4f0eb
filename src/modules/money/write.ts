// Exchange rates entered and deleted through the write path (use cases exchange-rates.create and
// exchange-rates.delete): administrators only (policy.ts), each rate with the source it was read
// from (a source the registry holds, or a new one stored in the same transaction, public like
// the rate). A rate is never fetched nor derived: a wrong one is deleted and entered again, so
// there is no update. One rate per currency, base and day.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Topic } from '../../shared/topics.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, throwIfProblems } from '../edits/validate.ts';
import { mayWriteExchangeRates } from './policy.ts';
import { deleteExchangeRate, findExchangeRate, findRateOfDay, insertExchangeRate } from './repository.ts';
import { exchangeRateCreateSchema } from './schema.ts';

const PUBLIC = { confidentiality: 'public', audience: '[]' };

export const createExchangeRateUseCase: UseCase<unknown, { id: string; version: number }> = {
  name: 'exchange-rates.create',
  topics: ['exchange-rates', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteExchangeRates(editor), 'enter an exchange rate (administrators only)');
    const body = parseInput(exchangeRateCreateSchema, input, 'The exchange rate');
    const source = await prepareSource(trx, body.source);
    const problems = [...source.problems];
    const rate = body.rate; // as the source writes it (exact: compared and multiplied as a decimal)
    const same = await findRateOfDay(trx, body);
    if (same) problems.push({ field: 'asOf', reason: `a rate of ${body.currency} in ${body.base} on ${body.asOf} is already entered (id ${same.id}): delete it first to replace it` });
    throwIfProblems(problems, `The rate of ${body.currency} in ${body.base}`);
    const newSource = await storeSource(trx, source, PUBLIC);
    const at = new Date().toISOString();
    const id = await insertExchangeRate(trx, { currency: body.currency, base: body.base, rate, as_of: body.asOf, source_id: source.id, entered_by: context.actor, entered_at: at });
    const after = { currency: body.currency, base: body.base, rate, asOf: body.asOf, source: source.id };
    const topics: Topic[] = newSource ? ['exchange-rates', 'sources'] : ['exchange-rates'];
    return {
      result: { id: String(id), version: 1 },
      audit: [{ action: 'create', entityKind: 'exchange-rate', entityId: String(id), after, summary: `1 ${body.currency} = ${rate} ${body.base} on ${body.asOf} (source ${source.id})` }],
      topics,
    };
  },
};

export const deleteExchangeRateUseCase: UseCase<{ id: number }, { deleted: boolean }> = {
  name: 'exchange-rates.delete',
  topics: ['exchange-rates'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteExchangeRates(editor), 'delete an exchange rate (administrators only)');
    const row = await findExchangeRate(trx, input.id);
    if (!row || !(await deleteExchangeRate(trx, input.id))) throw new NotFoundError('exchange rate', String(input.id));
    return {
      result: { deleted: true },
      audit: [
        {
          action: 'delete',
          entityKind: 'exchange-rate',
          entityId: String(row.id),
          before: { currency: row.currency, base: row.base, rate: row.rate, asOf: row.as_of, source: row.source_id },
          summary: `rate ${row.id} deleted: 1 ${row.currency} = ${row.rate} ${row.base} on ${row.as_of}`,
        },
      ],
    };
  },
};

export function createExchangeRate(db: Kysely<Database>, input: unknown, context: WriteContext) {
  return runUseCase(db, createExchangeRateUseCase, input, context);
}

export function deleteExchangeRateById(db: Kysely<Database>, id: number, context: WriteContext) {
  return runUseCase(db, deleteExchangeRateUseCase, { id }, context);
}
