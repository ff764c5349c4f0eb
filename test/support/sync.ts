// Sync peers for the tests that walk every route: a peer on loopback (allowed here, as an operator
// would) whose feed is always empty, so a run started by a test ends at once and writes no record;
// and a restricted record received from it, written as a run writes one.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALLOW_LOOPBACK_ENV } from '../../src/modules/webhooks/targets.ts';
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';

let emptyFeed: Promise<string> | undefined;

/** The address of a peer whose feed holds no change (one per test process, never keeping it alive). */
export function emptyPeerUrl(): Promise<string> {
  process.env[ALLOW_LOOPBACK_ENV] = '1';
  emptyFeed ??= new Promise((resolve) => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ items: [], next: '0', more: false }));
    });
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
  return emptyFeed;
}

export async function peerBody(name = 'A test peer'): Promise<{ name: string; baseUrl: string; token: string; pageSize: number }> {
  return { name, baseUrl: await emptyPeerUrl(), token: 'a_token_the_peer_issued', pageSize: 100 };
}

export async function newPeer(t: TestApp, admin: Record<string, string>, name?: string): Promise<string> {
  const answer = await ask(t, 'POST', '/api/v1/sync/peers', admin, await peerBody(name));
  if (answer.status !== 200) throw new Error(`POST /api/v1/sync/peers: ${answer.status} ${answer.text}`);
  return String(answer.body.id);
}

/** A record received from the peer, restricted there, carrying `marker` in its summary and payload. */
export async function receivedRecord(t: TestApp, peerId: string, recordId: string, marker: string): Promise<void> {
  await t.db.db
    .insertInto('synced_record')
    .values({
      peer_id: peerId,
      record_kind: 'event',
      record_id: recordId,
      action: 'created',
      summary: `event ${recordId} created: ${marker}`,
      payload: JSON.stringify({ id: recordId, title: marker }),
      facets: '{}',
      origin_change_id: 7,
      origin_at: '2026-01-01T00:00:00.000Z',
      received_at: new Date().toISOString(),
      confidentiality: 'restricted',
      audience: '[]',
    })
    .execute();
}

/** The latest run of a peer. */
export async function lastRunOf(t: TestApp, peerId: string): Promise<string> {
  const row = await t.db.db.selectFrom('sync_run').select('id').where('peer_id', '=', peerId).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return String(row.id);
}
