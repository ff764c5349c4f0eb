// `accord sync …`: peers written through the write path as the system actor `cli`; runs in this
// process, a line of progress per page on stderr; lists as the anonymous public reads them.
import { publicView } from '../../db/visibility.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { countRecords, lastRuns, listDisagreements, listPeers, listRecords, peerView, recordCounts, syncedRecordView } from '../../modules/sync/repository.ts';
import { syncPeer } from '../../modules/sync/run.ts';
import { addPeer, removePeer } from '../../modules/sync/write.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { SyncAddOptions, SyncListOptions, SyncRunOptions } from '../usage/sync.ts';
import { withRegistry } from '../with-db.ts';

export function runSyncPeers(): Promise<void> {
  return withRegistry(async (db) => {
    const [rows, counts, runs] = [await listPeers(db.db), await recordCounts(db.db), await lastRuns(db.db)];
    const peers = rows.map((row) => peerView(row, counts.get(row.id) ?? 0, runs.get(row.id)));
    const line = (p: (typeof peers)[number]) =>
      `${p.id}  ${p.active ? 'active' : 'paused'}  ${p.name}  ${p.baseUrl}  cursor ${p.cursor}  ${p.records} records  ${p.lastRun ? `last run ${p.lastRun.status} ${p.lastRun.finishedAt ?? p.lastRun.startedAt}` : 'never run'}`;
    process.stdout.write(peers.length ? `${peers.map(line).join('\n')}\n` : 'no peers\n');
  });
}

export function runSyncAdd(name: string, baseUrl: string, options: SyncAddOptions): Promise<void> {
  return withRegistry(async (db) => {
    let token: string | null = null;
    if (options.tokenEnv !== undefined) {
      token = process.env[options.tokenEnv] ?? null;
      if (!token) throw new ValidationError(`The environment variable ${options.tokenEnv} is empty`, [{ parameter: '--token-env', reason: 'must name a variable holding the token' }]);
    }
    const row = await addPeer(db.db, { name, baseUrl, token, ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}) }, systemContext('cli'));
    process.stdout.write(`${row.id} added (${row.name}, ${row.base_url}${token ? ', with a token' : ', no token: its public feed only'})\n`);
  });
}

export function runSyncRemove(id: string): Promise<void> {
  return withRegistry(async (db) => {
    await removePeer(db.db, id, systemContext('cli'));
    process.stdout.write(`${id} removed with the records it sent\n`);
  });
}

export function runSyncRun(id: string | undefined, options: SyncRunOptions): Promise<void> {
  return withRegistry(async (db) => {
    if ((id === undefined) === !options.all) throw new ValidationError('Name one peer, or --all', [{ parameter: 'id', reason: 'give a peer id or --all, not both' }]);
    const ids = options.all ? (await listPeers(db.db)).filter((p) => p.active === 1).map((p) => p.id) : [id!];
    let failed = 0;
    for (const peerId of ids) {
      const run = await syncPeer(db.db, peerId, systemContext('cli'), {
        maxPages: options.maxPages,
        onPage: (r) => process.stderr.write(`${peerId}: page ${r.pages}, ${r.received} changes read, ${r.applied} records applied, cursor ${r.to_cursor}\n`),
      });
      process.stdout.write(
        `${peerId}: ${run.status}: ${run.pages} pages, ${run.received} changes read, ${run.applied} records applied, ${run.skipped} skipped, cursor ${run.from_cursor} → ${run.to_cursor}${run.error ? `\n  ${run.error}` : ''}\n`,
      );
      if (run.status === 'failed') failed += 1;
    }
    if (failed) process.exitCode = 1;
  });
}

export function runSyncRecords(options: SyncListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const reader = publicView(db.db);
    const rows = await listRecords(reader, { peer: options.peer, kind: options.kind, limit: options.limit });
    const total = await countRecords(reader, { peer: options.peer, kind: options.kind });
    const lines = rows.map(syncedRecordView).map((r) => `${r.origin.peer}  ${r.kind} ${r.recordId}  ${r.action}  ${r.summary}\n      from ${r.origin.url} (${r.origin.at})`);
    process.stdout.write(lines.length ? `${lines.join('\n')}\n${rows.length} of ${total}\n` : 'no records received\n');
  });
}

export function runSyncDisagreements(options: SyncListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const { items, total } = await listDisagreements(publicView(db.db), { peer: options.peer, kind: options.kind, offset: 0, limit: options.limit });
    const lines = items.map((d) => `${d.fact}  ${d.field}: ours ${d.ours}, ${d.origin.peer}'s ${d.theirs}\n      from ${d.origin.url}`);
    process.stdout.write(lines.length ? `${lines.join('\n')}\n${items.length} of ${total}\n` : 'no disagreements found\n');
  });
}
