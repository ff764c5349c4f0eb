// The one write path. Every create, update and delete is a named use case run here: one
// transaction; the change; an audit record of it (who, when, why, before and after) in the
// same transaction; and a new version for every topic the use case touches, which is what
// tells caches and the treaty model to follow. A use case that changed nothing records
// nothing and leaves the versions alone, so re-importing the same file invalidates nothing.
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { ConflictError, ValidationError } from '../../shared/errors.ts';
import type { Topic } from '../../shared/topics.ts';
import { recordChanges } from '../changes/record.ts';
import { replaceTopicVersions } from '../meta/repository.ts';
import type { WriteContext } from './context.ts';
import { insertAuditRecords } from './repository.ts';

/** What a use case says it did, one entry per entity changed (or one for a bulk write). */
export interface AuditEntry {
  /** `backup` records a copy of the data taken (a read of personal data), `restore` a database loaded from one. */
  action: 'create' | 'update' | 'delete' | 'import' | 'seed' | 'load' | 'backup' | 'restore';
  entityKind: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  summary: string;
}

export interface UseCaseResult<O> {
  result: O;
  /** Empty when nothing changed. */
  audit: AuditEntry[];
  /** The topics this run touched, when fewer than the use case can touch (e.g. `sources` only
   *  when it created a source): only these get new versions. */
  topics?: readonly Topic[];
}

export interface UseCase<I, O> {
  /** `<module>.<verb>`, e.g. `datasets.import`: what the audit trail names. */
  name: string;
  /** The topics a change by this use case can touch. */
  topics: readonly Topic[];
  /** `context` says who writes: policies decide from it, inside the transaction. */
  run(trx: Transaction<Database>, input: I, context: WriteContext): Promise<UseCaseResult<O>>;
}

const MAX_REASON = 2000;

function checkContext(context: WriteContext): void {
  if (!/^[a-z]+:\S+$/.test(context.actor)) throw new ValidationError(`"${context.actor}" is not an actor`, [{ field: 'actor', reason: 'must be kind:name, e.g. system:cli' }]);
  if (context.reason !== null && context.reason.length > MAX_REASON) {
    throw new ValidationError('The reason is too long', [{ field: 'reason', reason: `at most ${MAX_REASON} characters` }]);
  }
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

async function record(trx: Transaction<Database>, name: string, topics: readonly Topic[], context: WriteContext, audit: AuditEntry[]): Promise<void> {
  if (audit.length === 0) return;
  const at = new Date().toISOString();
  const ids = await insertAuditRecords(
    trx,
    audit.map((entry) => ({
      at,
      actor: context.actor,
      os_user: context.osUser,
      request_id: context.requestId,
      reason: context.reason,
      use_case: name,
      action: entry.action,
      entity_kind: entry.entityKind,
      entity_id: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      summary: entry.summary,
    })),
  );
  // The change feed's entries, in the same transaction: a change is in the feed if and only if it happened.
  await recordChanges(
    trx,
    audit.map((entry, i) => ({
      id: ids[i] as number,
      at,
      action: entry.action,
      entityKind: entry.entityKind,
      entityId: entry.entityId ?? null,
      before: entry.before,
      after: entry.after,
      summary: entry.summary,
    })),
  );
  await replaceTopicVersions(trx, topics);
}

/**
 * Runs a use case in its own transaction, or inside the caller's when given one (a bulk
 * import of several kinds is one transaction, each kind recording its own summary).
 */
export async function runUseCase<I, O>(db: Kysely<Database>, useCase: UseCase<I, O>, input: I, context: WriteContext): Promise<O> {
  checkContext(context);
  const inside = async (trx: Transaction<Database>) => {
    const { result, audit, topics } = await useCase.run(trx, input, context);
    await record(trx, useCase.name, topics ?? useCase.topics, context, audit);
    return result;
  };
  if (db.isTransaction) return inside(db as Transaction<Database>);
  // Writers that read the same next number (a State's next membership event, an instrument's
  // next entered act) or enter the same new id at once: on PostgreSQL the second insert fails
  // when the first commits. Its transaction wrote nothing, so it runs again on what is now
  // stored (and takes the next number, or finds the id taken); past ten tries, a 409.
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.transaction().execute(inside);
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= UNIQUE_RETRIES) throw new ConflictError(`Another write made the same record at the same moment (${useCase.name}): send it again`);
      // Each round has one winner: a short random wait spreads the others out.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** How many times a use case runs when other writers keep taking the row it inserts. */
const UNIQUE_RETRIES = 10;

/** A list for a summary line: the first `shown` items, then how many more (the record's `after` holds them all). */
export function summaryList(items: string[], shown = 10): string {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}
