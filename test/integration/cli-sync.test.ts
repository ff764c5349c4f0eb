// `accord sync` between two real processes on loopback: the origin is `accord serve` on its own
// database; the receiving instance's `accord sync run` is killed (SIGKILL) in the middle of a
// sync, then run again: it resumes from the last page applied, and ends with every record once.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { openDb } from '../../src/db/connection.ts';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { createEventUseCase } from '../../src/modules/events/write.ts';
import { makeAccount } from '../support/accounts.ts';
import { newEventBody } from '../support/event-requests.ts';
import { type RunningServer, startAccord } from '../support/server.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;
const EVENTS = 120;

describe('accord sync between two processes', () => {
  let dir: string;
  let origin: RunningServer;
  let env: NodeJS.ProcessEnv;
  let originDb: string;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-sync-'));
    originDb = `sqlite:${join(dir, 'origin.db')}`;
    await run(process.execPath, [ACCORD, 'db', 'seed'], { env: { ...process.env, DATABASE_URL: originDb } });
    const db = openDb(originDb);
    let token: string;
    try {
      for (let i = 1; i <= EVENTS; i += 1) await runUseCase(db.db, createEventUseCase, { ...newEventBody(`cli-sync-${i}`), title: `Course ${i}` }, systemContext('test'));
      const account = await makeAccount(db.db, 'sync-reader@example.org', ['viewer']);
      token = (await runUseCase(db.db, createTokenUseCase, { actor: 'system', userId: account.id, name: 'sync', days: 1 }, systemContext('test'))).token;
    } finally {
      await db.destroy();
    }
    origin = await startAccord(originDb);
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'here.db')}`, ACCORD_WEBHOOK_ALLOW_LOOPBACK: '1', ORIGIN_TOKEN: token };
    await accord('db', 'seed');
  });
  after(async () => {
    await origin?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a sync killed mid-way resumes where it stopped, without duplicates or loss', async () => {
    const added = (await accord('sync', 'add', 'Origin', origin.url, '--token-env', 'ORIGIN_TOKEN', '--page-size', '5')).stdout;
    const id = /^(peer_\w+) added \(Origin, .*, with a token\)/.exec(added)?.[1];
    assert.ok(id, added);
    assert.ok(!(await accord('sync', 'peers')).stdout.includes(env.ORIGIN_TOKEN!), 'the token is not listed');

    // Killed without warning once a few pages are in: the page in flight is not written.
    const child = spawn(process.execPath, [ACCORD, 'sync', 'run', id], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let progress = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        progress += chunk;
        if (/page 4,/.test(progress)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`the run ended before it was killed:\n${progress}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const peers = (await accord('sync', 'peers')).stdout;
    const cursor = Number(/cursor (\d+)/.exec(peers)?.[1]);
    const held = Number(/(\d+) records/.exec(peers)?.[1]);
    assert.ok(held >= 20 && held < EVENTS, `held after the kill: ${held}\n${peers}`);

    const resumed = (await accord('sync', 'run', id)).stdout;
    const [, applied, from] = /done: \d+ pages, \d+ changes read, (\d+) records applied, \d+ skipped, cursor (\d+) →/.exec(resumed) ?? [];
    assert.equal(Number(from), cursor, resumed);
    assert.equal(Number(applied), EVENTS - held, `the resumed run writes only what is missing: ${resumed}`);
    assert.match((await accord('sync', 'peers')).stdout, new RegExp(`${EVENTS} records {2}last run done`));
    // The run the kill stopped is closed, saying so.
    const db = openDb(env.DATABASE_URL);
    try {
      const runs = await db.db.selectFrom('sync_run').select(['status', 'error']).orderBy('id').execute();
      assert.equal(runs[0]?.status, 'failed');
      assert.match(runs[0]?.error ?? '', /interrupted/);
      const rows = await db.db.selectFrom('synced_record').select('record_id').execute();
      assert.equal(new Set(rows.map((r) => r.record_id)).size, EVENTS);
    } finally {
      await db.destroy();
    }
    const listed = (await accord('sync', 'records', '--kind', 'event', '--limit', '3')).stdout;
    assert.match(listed, new RegExp(`Origin {2}event cli-sync-\\d+ {2}created {2}.*\\n {6}from ${origin.url}/api/v1/changes/\\d+`));
    assert.match(listed, new RegExp(`3 of ${EVENTS}`));
  });

  test('bad input to the commands: clear errors, exit code 1', async () => {
    await assert.rejects(accord('sync', 'run'), (e: { stderr: string }) => /Name one peer, or --all/.test(e.stderr));
    await assert.rejects(accord('sync', 'run', 'peer_nope'), (e: { stderr: string }) => /No sync peer with code or id "peer_nope"/.test(e.stderr));
    await assert.rejects(accord('sync', 'add', 'X', 'http://10.0.0.1/'), (e: { stderr: string }) => /baseUrl.*private, link-local or internal/s.test(e.stderr));
    await assert.rejects(accord('sync', 'add', 'X', origin.url, '--token-env', 'NOT_SET_ANYWHERE'), (e: { stderr: string }) => /NOT_SET_ANYWHERE is empty/.test(e.stderr));
  });
});
