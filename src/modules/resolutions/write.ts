// Importing a resolution's text and moving its mandates, through the write path: the policy
// decides inside the transaction, each write leaves one audit record, a mandate's change names
// the version it read. A text imported again under the same key replaces what was read from it;
// its mandates keep their status and answers where their paragraph is still there.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, type Problem, StaleVersionError, ValidationError } from '../../shared/errors.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { type AuditEntry, runUseCase, summaryList, type UseCase } from '../audit/pipeline.ts';
import { organizationProblem, parseInput, requireVersion, throwIfProblems } from '../edits/validate.ts';
import { findInstrument } from '../instruments/repository.ts';
import { findMechanism } from '../mechanisms/repository.ts';
import { idOfKey, keyOf, mandatesOf } from './mandates.ts';
import { parseResolution } from './parse/index.ts';
import type { ParsedResolution } from './parse/types.ts';
import { mayWriteResolutions } from './policy.ts';
import {
  answersOf,
  type CitationRow,
  findMandate,
  findResolutionByKey,
  insertMandates,
  insertResolution,
  mandatesOfResolution,
  replaceAnswers,
  replaceCitations,
  replaceResolutionIfVersion,
  type ResolutionRow,
  rereadMandate,
  updateMandateIfVersion,
} from './repository.ts';
import { type AnswerInput, mandateUpdateSchema, resolutionImportSchema } from './schema.ts';
import { mandateDetail } from './service.ts';

export interface ImportedResolution {
  id: string;
  key: string;
  status: 'created' | 'replaced' | 'unchanged';
  version: number;
  preambular: number;
  operative: number;
  mandates: number;
  doubts: ParsedResolution['doubts'];
}

const now = () => new Date().toISOString();

function citationRows(doc: ParsedResolution): CitationRow[] {
  const resolutions = doc.resolutionsCited.map((c) => ({ kind: 'resolution', ref: c.number, cited_body: c.body, cited_date: c.date }));
  const documents = doc.documentSymbols.map((s) => ({ kind: 'document', ref: s, cited_body: null, cited_date: null }));
  return [...resolutions, ...documents].map((c, position) => ({ ...c, position }));
}

/** A text is taken for a resolution when an operative paragraph, or the body's enacting formula
 *  ("The General Assembly,") with paragraphs after it, was recognised in it. */
function notAResolution(doc: ParsedResolution): Problem[] {
  if (doc.operative.length || (doc.body && doc.preamble.length)) return [];
  return [{ field: 'text', reason: 'neither an operative paragraph nor an enacting formula ("The General Assembly,") followed by paragraphs was recognised: is this the text of a resolution?' }];
}

/** A reading to store: what the parser read from a file, with the text (empty for a shipped reading). */
export interface Reading {
  doc: ParsedResolution;
  fileName: string;
  sha256: string;
  lang: string;
  text: string;
  origin: 'import' | 'reference';
}

/** Whether the stored resolution already holds this reading: the same file, read the same way.
 *  A shipped reading (no text) is not the same as an import of its file, which adds the text. */
function holds(stored: ResolutionRow, reading: Reading): boolean {
  return stored.file_sha256 === reading.sha256 && stored.lang === reading.lang && stored.origin === reading.origin;
}

/** Stores a reading under its key, a new resolution or replacing the reading stored, with its citations and mandates. */
async function storeReading(trx: Kysely<Database>, reading: Reading, actor: string): Promise<{ result: ImportedResolution; audit: AuditEntry[] }> {
  const { doc } = reading;
  const key = keyOf(doc, reading.fileName);
  const id = idOfKey(key);
  const readings = mandatesOf(doc);
  const counts = { preambular: doc.preamble.length, operative: doc.operative.length, mandates: readings.length, doubts: doc.doubts };
  const stored = await findResolutionByKey(trx, key);
  if (stored && holds(stored, reading)) return { result: { id, key, status: 'unchanged', version: stored.row_version, ...counts }, audit: [] };
  const at = now();
  const row = {
    symbol: doc.symbol,
    body: doc.body,
    session: doc.session,
    title: doc.title,
    adopted_on: doc.date,
    meeting: doc.meeting,
    lang: reading.lang,
    file_name: reading.fileName,
    file_sha256: reading.sha256,
    source_text: reading.text,
    origin: reading.origin,
    parsed: JSON.stringify(doc),
    doubts: doc.doubts.length,
    updated_at: at,
  };
  if (stored) {
    if (!(await replaceResolutionIfVersion(trx, id, stored.row_version, row))) throw new ValidationError(`The resolution ${key} changed while it was imported: import it again`);
  } else await insertResolution(trx, { ...row, id, key, created_by: actor, created_at: at });
  await replaceCitations(trx, id, citationRows(doc));
  await writeMandates(trx, id, readings, actor, at);
  const summary = { key, file: reading.fileName, sha256: reading.sha256, preambular: counts.preambular, operative: counts.operative, mandates: counts.mandates, doubts: doc.doubts.length };
  const before = stored ? { file: stored.file_name, sha256: stored.file_sha256, version: stored.row_version } : undefined;
  const how = reading.origin === 'reference' ? 'read from the shipped snapshot' : stored ? 're-imported' : 'imported';
  return {
    result: { id, key, status: stored ? 'replaced' : 'created', version: stored ? stored.row_version + 1 : 1, ...counts },
    audit: [
      {
        action: reading.origin === 'reference' ? 'seed' : 'import',
        entityKind: 'resolution',
        entityId: id,
        before,
        after: summary,
        summary: `resolution ${key} ${how} (${reading.fileName}): ${counts.preambular} preambular, ${counts.operative} operative paragraphs, ${counts.mandates} mandates, ${doc.doubts.length} doubts`,
      },
    ],
  };
}

export const importResolutionUseCase: UseCase<unknown, ImportedResolution> = {
  name: 'resolutions.import',
  topics: ['resolutions'],
  async run(trx, input, context) {
    requireRight(editorOf(context), mayWriteResolutions(editorOf(context)), 'import a resolution');
    const body = parseInput(resolutionImportSchema, input, 'The resolution text');
    const doc = parseResolution(body.text, body.fileName);
    throwIfProblems(notAResolution(doc), `The resolution in ${body.fileName}`);
    const sha256 = createHash('sha256').update(body.text).digest('hex');
    return storeReading(trx, { doc, fileName: body.fileName, sha256, lang: body.lang, text: body.text, origin: 'import' }, context.actor);
  },
};

export function importResolution(db: Kysely<Database>, input: unknown, context: WriteContext): Promise<ImportedResolution> {
  return runUseCase(db, importResolutionUseCase, input, context);
}

/** The shipped readings (data/snapshot/resolutions.json.gz) stored where the database holds no
 *  import of the same resolution: a user's import is kept, an earlier shipped reading replaced.
 *  One audit record names what was written, as the other snapshots' loads do. */
export const loadShippedReadingsUseCase: UseCase<readonly Omit<Reading, 'text' | 'origin'>[], { stored: number; kept: string[] }> = {
  name: 'snapshot.load',
  topics: ['resolutions'],
  async run(trx, readings, context) {
    const written: string[] = [];
    const kept: string[] = [];
    for (const r of readings) {
      const stored = await findResolutionByKey(trx, keyOf(r.doc, r.fileName));
      if (stored?.origin === 'import') {
        kept.push(stored.key);
        continue;
      }
      const { result } = await storeReading(trx, { ...r, text: '', origin: 'reference' }, context.actor);
      if (result.status !== 'unchanged') written.push(result.key);
    }
    const audit: AuditEntry[] = written.length
      ? [{ action: 'seed', entityKind: 'resolution', entityId: null, after: { resolutions: written, kept }, summary: `resolution readings stored from the shipped snapshot: ${summaryList(written)}` }]
      : [];
    return { result: { stored: written.length, kept }, audit };
  },
};

/** New mandates are inserted open; those whose paragraph is read again keep their status and
 *  answers and take the new reading; those whose paragraph is gone stay, as an editor left them. */
async function writeMandates(trx: Kysely<Database>, resolutionId: string, readings: ReturnType<typeof mandatesOf>, actor: string, at: string): Promise<void> {
  const existing = new Set((await mandatesOfResolution(trx, resolutionId)).map((m) => m.id));
  const fresh = [];
  for (const r of readings) {
    const { key, anchor: _a, ...reading } = r;
    const id = `${resolutionId}.${key}`;
    if (existing.has(id)) await rereadMandate(trx, id, reading);
    else fresh.push({ ...reading, anchor: r.anchor, id, resolution_id: resolutionId, status: 'open', status_note: null, status_date: null, updated_by: actor, updated_at: at });
  }
  await insertMandates(trx, fresh);
}

async function answerProblems(trx: Kysely<Database>, answers: readonly AnswerInput[] | undefined): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [i, a] of (answers ?? []).entries()) {
    const field = `answers.${i}.ref`;
    if ((a.kind === 'report' || a.kind === 'document') && !isSourceAddress(a.ref)) problems.push({ field, reason: SOURCE_ADDRESS_RULE });
    if (a.kind === 'instrument' && !(await findInstrument(trx, a.ref))) problems.push({ field, reason: `no instrument "${a.ref}" in the registry` });
    if (a.kind === 'organization') problems.push(...(await organizationProblem(trx, field, a.ref)));
    if (a.kind === 'mechanism' && !(await findMechanism(trx, a.ref))) problems.push({ field, reason: `no mechanism "${a.ref}" in the registry` });
  }
  return problems;
}

export const updateMandateUseCase: UseCase<{ id: string; expectedVersion?: number; body: unknown }, { changed: string[]; version: number }> = {
  name: 'mandates.update',
  topics: ['resolutions'],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteResolutions(editor), `update the mandate ${id}`);
    const row = await findMandate(trx, id);
    if (!row) throw new NotFoundError('mandate', id);
    const expected = requireVersion(expectedVersion, `the mandate ${id}`);
    const body = parseInput(mandateUpdateSchema, input, `The change of the mandate ${id}`);
    if (row.row_version !== expected) {
      const current = await mandateDetail(trx, id);
      throw new StaleVersionError(`mandate ${id}`, current, row.row_version);
    }
    const problems = await answerProblems(trx, body.answers);
    const answers = body.answers ?? (await answersOf(trx, [id])).get(id) ?? [];
    const status = body.status ?? row.status;
    if (status === 'answered' && answers.length === 0 && !(await mandateDetail(trx, id))?.answeredBy.length) {
      problems.push({
        field: 'status',
        reason: 'a mandate is answered by something: add an answer (a report, a document, a registry development) or link a project, event, request or exchange to its paragraph first',
      });
    }
    throwIfProblems(problems, `The change of the mandate ${id}`);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Record<string, unknown> = {};
    const fields = [
      ['status', 'status'],
      ['statusNote', 'status_note'],
      ['statusDate', 'status_date'],
      ['dueBody', 'due_body'],
      ['dueSession', 'due_session'],
      ['dueDate', 'due_date'],
    ] as const;
    for (const [name, column] of fields) {
      const value = body[name];
      if (value === undefined || value === row[column]) continue;
      before[name] = row[column];
      after[name] = value;
      set[column] = value;
    }
    if (body.answers) {
      const old = (await answersOf(trx, [id])).get(id) ?? [];
      const next = body.answers.map((a) => ({ kind: a.kind, ref: a.ref, note: a.note ?? null }));
      if (JSON.stringify(old) !== JSON.stringify(next)) {
        await replaceAnswers(trx, id, next);
        before.answers = old;
        after.answers = next;
      }
    }
    const changed = Object.keys(after);
    if (changed.length === 0) return { result: { changed, version: row.row_version }, audit: [] };
    if (!(await updateMandateIfVersion(trx, id, expected, { ...set, updated_by: context.actor, updated_at: now() }))) {
      throw new StaleVersionError(`mandate ${id}`, await mandateDetail(trx, id), row.row_version + 1);
    }
    return {
      result: { changed, version: row.row_version + 1 },
      audit: [{ action: 'update', entityKind: 'mandate', entityId: id, before, after, summary: `mandate ${id} updated: ${changed.join(', ')}` }],
    };
  },
};

export function updateMandate(db: Kysely<Database>, input: { id: string; expectedVersion?: number; body: unknown }, context: WriteContext) {
  return runUseCase(db, updateMandateUseCase, input, context);
}
