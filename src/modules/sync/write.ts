// Sync written through the write path: peers (use cases sync.add-peer, sync.update-peer,
// sync.remove-peer; administrators and the CLI only), and each page of a peer's feed applied
// (sync.apply-page): one transaction that writes the page's records and moves the peer's
// cursor, with one audit record for the page. A page is applied whole or not at all, so a sync
// stopped at any moment resumes from the last page applied, re-sending nothing already there.
// The token enters no audit record and no answer.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, SyncedRecordTable } from '../../db/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { type Editor, requireRight } from '../access/edit-rights.ts';
import { isAdmin } from '../access/principal.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { parseInput } from '../edits/validate.ts';
import { checkTarget, urlProblem } from '../webhooks/targets.ts';
import type { PeerPage } from './pull.ts';
import { advanceCursor, closeAbandonedRuns, deletePeerAndWhatItSent, findPeer, insertPeer, insertRun, type PeerRow, updatePeerRow, writeRecords } from './repository.ts';
import { peerCreateSchema, peerUpdateSchema } from './schema.ts';

type Db = Kysely<Database>;

export function mayManageSync(editor: Editor): boolean {
  return editor.kind === 'system' || isAdmin(editor);
}

const RIGHT = 'manage sync peers (administrators only)';

function checkUrlForm(url: string): void {
  const problem = urlProblem(url);
  if (problem) throw new ValidationError('The peer address is refused', [{ field: 'baseUrl', reason: problem }]);
}

/** What the audit trail keeps of a peer: never its token. */
const audited = (row: PeerRow) => ({ name: row.name, baseUrl: row.base_url, hasToken: row.token !== null, pageSize: row.page_size, active: row.active === 1 });

export const addPeerUseCase: UseCase<unknown, PeerRow> = {
  name: 'sync.add-peer',
  topics: [],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageSync(editor), RIGHT);
    const body = parseInput(peerCreateSchema, input, 'The peer');
    checkUrlForm(body.baseUrl);
    const now = new Date().toISOString();
    const id = `peer_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await insertPeer(trx, {
      id,
      name: body.name,
      base_url: body.baseUrl,
      token: body.token ?? null,
      active: body.active === false ? 0 : 1,
      page_size: body.pageSize ?? 500,
      cursor: 0,
      created_by: context.actor,
      created_at: now,
      updated_at: now,
    });
    const row = (await findPeer(trx, id))!;
    return { result: row, audit: [{ action: 'create', entityKind: 'sync-peer', entityId: id, after: audited(row), summary: `sync peer ${id} (${row.name}, ${new URL(row.base_url).host}) added` }] };
  },
};

export const updatePeerUseCase: UseCase<{ id: string; body: unknown }, PeerRow> = {
  name: 'sync.update-peer',
  topics: [],
  async run(trx, { id, body: input }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageSync(editor), RIGHT);
    const row = await findPeer(trx, id);
    if (!row) throw new NotFoundError('sync peer', id);
    const body = parseInput(peerUpdateSchema, input, 'The peer');
    if (body.baseUrl !== undefined) checkUrlForm(body.baseUrl);
    const set = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.baseUrl !== undefined ? { base_url: body.baseUrl } : {}),
      ...(body.token !== undefined ? { token: body.token } : {}),
      ...(body.pageSize !== undefined ? { page_size: body.pageSize } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
    };
    if (Object.keys(set).length === 0) return { result: row, audit: [] };
    await updatePeerRow(trx, id, { ...set, updated_at: new Date().toISOString(), row_version: row.row_version + 1 });
    const after = (await findPeer(trx, id))!;
    return {
      result: after,
      audit: [
        {
          action: 'update',
          entityKind: 'sync-peer',
          entityId: id,
          before: audited(row),
          after: audited(after),
          summary: `sync peer ${id} changed: ${Object.keys(set).join(', ').replace('token', 'token (not kept here)')}`,
        },
      ],
    };
  },
};

export const removePeerUseCase: UseCase<{ id: string }, { deleted: boolean }> = {
  name: 'sync.remove-peer',
  topics: [],
  async run(trx, { id }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageSync(editor), RIGHT);
    const row = await findPeer(trx, id);
    if (!row) throw new NotFoundError('sync peer', id);
    await deletePeerAndWhatItSent(trx, id);
    return {
      result: { deleted: true },
      audit: [{ action: 'delete', entityKind: 'sync-peer', entityId: id, before: audited(row), summary: `sync peer ${id} (${row.name}) removed with the records it sent` }],
    };
  },
};

/** An administrator (or the CLI) asks for a run: its row, with the peer's stale `running` runs closed. */
export const startRunUseCase: UseCase<{ peerId: string }, number> = {
  name: 'sync.start-run',
  topics: [],
  async run(trx, { peerId }, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageSync(editor), RIGHT);
    const peer = await findPeer(trx, peerId);
    if (!peer) throw new NotFoundError('sync peer', peerId);
    const now = new Date().toISOString();
    await closeAbandonedRuns(trx, peerId, now);
    const cursor = Number(peer.cursor);
    const runId = await insertRun(trx, {
      peer_id: peerId,
      status: 'running',
      started_by: context.actor,
      started_at: now,
      from_cursor: cursor,
      to_cursor: cursor,
      pages: 0,
      received: 0,
      applied: 0,
      skipped: 0,
      log: '[]',
    });
    return {
      result: runId,
      audit: [{ action: 'create', entityKind: 'sync-run', entityId: String(runId), after: { peer: peerId, from: String(cursor) }, summary: `sync of ${peer.name} started from change ${cursor}` }],
    };
  },
};

export interface ApplyInput {
  peerId: string;
  /** The peer's cursor the page was asked from: the page is applied only if it is still the peer's. */
  from: number;
  page: PeerPage;
}

export interface Applied {
  applied: number;
  skipped: number;
}

/** The rows to write for a page: the newest change of each record in it. */
function newestOfPage(input: ApplyInput): { rows: Insertable<SyncedRecordTable>[]; skipped: number } {
  const now = new Date().toISOString();
  const newest = new Map<string, Insertable<SyncedRecordTable>>();
  let skipped = 0;
  for (const entry of input.page.entries) {
    if (entry.recordId === null || entry.action === 'imported') {
      skipped += 1; // an import of whole datasets: its differences are at the peer, not a record
      continue;
    }
    const key = `${entry.kind}\u0000${entry.recordId}`;
    if (newest.has(key)) skipped += 1; // a later change of the same record in this page replaces it
    newest.set(key, {
      peer_id: input.peerId,
      record_kind: entry.kind,
      record_id: entry.recordId,
      action: entry.action,
      summary: entry.summary,
      payload: entry.action === 'deleted' || entry.record === null ? null : JSON.stringify(entry.record),
      facets: JSON.stringify(entry.facets),
      origin_change_id: Number(entry.id),
      origin_at: entry.at,
      received_at: now,
      confidentiality: entry.confidentiality,
      audience: '[]',
    });
  }
  return { rows: [...newest.values()], skipped };
}

export const applyPageUseCase: UseCase<ApplyInput, Applied> = {
  name: 'sync.apply-page',
  topics: [],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayManageSync(editor), RIGHT);
    const peer = await findPeer(trx, input.peerId);
    if (!peer) throw new NotFoundError('sync peer', input.peerId);
    const page = newestOfPage(input);
    // Written only where newer than the record held: the rest are skipped too.
    const applied = await writeRecords(trx, page.rows);
    const skipped = page.skipped + page.rows.length - applied;
    if (!(await advanceCursor(trx, input.peerId, input.from, input.page.next))) {
      throw new ConflictError(`Another sync of peer ${input.peerId} applied this page first; nothing of this one was written`);
    }
    const first = input.page.entries[0]?.id ?? String(input.page.next);
    return {
      result: { applied, skipped },
      audit:
        input.page.entries.length === 0 && input.page.next === input.from
          ? []
          : [
              {
                action: 'import',
                entityKind: 'sync-peer',
                entityId: input.peerId,
                after: { from: String(input.from), to: String(input.page.next), applied, skipped },
                summary: `sync from ${peer.name}: ${applied} records applied, ${skipped} skipped (changes ${first}–${input.page.next})`,
              },
            ],
    };
  },
};

function requireManager(context: WriteContext): void {
  const editor = editorOf(context);
  requireRight(editor, mayManageSync(editor), RIGHT);
}

export async function addPeer(db: Db, input: unknown, context: WriteContext): Promise<PeerRow> {
  requireManager(context);
  const url = (input as { baseUrl?: unknown } | null)?.baseUrl;
  if (typeof url === 'string') await checkTarget(url, 'baseUrl', 'The peer address');
  return runUseCase(db, addPeerUseCase, input, context);
}

export async function updatePeer(db: Db, id: string, input: unknown, context: WriteContext): Promise<PeerRow> {
  requireManager(context);
  const url = (input as { baseUrl?: unknown } | null)?.baseUrl;
  if (typeof url === 'string') await checkTarget(url, 'baseUrl', 'The peer address');
  return runUseCase(db, updatePeerUseCase, { id, body: input }, context);
}

export function removePeer(db: Db, id: string, context: WriteContext): Promise<{ deleted: boolean }> {
  return runUseCase(db, removePeerUseCase, { id }, context);
}

export function applyPage(db: Db, input: ApplyInput, context: WriteContext): Promise<Applied> {
  return runUseCase(db, applyPageUseCase, input, context);
}

export function startRun(db: Db, peerId: string, context: WriteContext): Promise<number> {
  return runUseCase(db, startRunUseCase, { peerId }, context);
}
