// The opening every correction of a record shares, whatever its kind, in this order: the record
// exists (else 404), the editor may correct it (else 401/403, before anything of the body is
// read), the update names the version it read (else 428) and that version is still the
// record's (else 412 with the record as it is), the body keeps the rules (else 400 naming each
// field), and the source and the confidentiality asked for are prepared. What a kind checks
// beyond this (the registry's own rules) it checks next; the end is apply.ts.
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { type Editor, requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { type AccessInput, type AccessPlan, planAccess, type StoredAccess } from './access.ts';
import type { SourceInput } from './schema.ts';
import { type PreparedSource, prepareSource } from './source.ts';
import { parseInput, requireVersion } from './validate.ts';

export interface CorrectionTarget<Row> {
  /** How messages name the kind of record (`membership event`). */
  kind: string;
  /** How messages name the record. */
  id: string;
  row: Row | undefined;
  /** Whether this editor may correct this record. */
  allowed(editor: Editor, row: NoInfer<Row>): boolean;
  /** What a refusal says the editor tried (`correct the instrument X`). */
  attempt: string;
  expectedVersion: number | undefined;
  /** The 412 with the record as it is now. */
  stale(): Promise<Error>;
}

export interface OpenedCorrection<Row, Body> {
  row: Row;
  editor: Editor;
  expected: number;
  body: Body;
  source: PreparedSource;
  access: AccessPlan;
  /** What each corrected field records: its source, who and when. */
  stamp: { source: string; by: string; at: string };
}

type VersionedRow = StoredAccess & { row_version: number };

export async function openCorrection<Row extends VersionedRow, S extends z.ZodType<AccessInput & { source: SourceInput }>>(
  trx: Kysely<Database>,
  context: WriteContext,
  target: CorrectionTarget<Row>,
  schema: S,
  input: unknown,
): Promise<OpenedCorrection<Row, z.infer<S>>> {
  const { row } = target;
  if (!row) throw new NotFoundError(target.kind, target.id);
  const editor = editorOf(context);
  requireRight(editor, target.allowed(editor, row), target.attempt);
  const expected = requireVersion(target.expectedVersion, target.kind);
  if (expected !== row.row_version) throw await target.stale();
  const body = parseInput(schema, input, `The correction of ${target.id}`);
  const source = await prepareSource(trx, body.source);
  const access = await planAccess(trx, row, body);
  return { row, editor, expected, body, source, access, stamp: { source: source.id, by: context.actor, at: new Date().toISOString() } };
}
