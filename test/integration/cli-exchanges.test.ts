// Exchanges from the command line: `accord exchanges list|export csv` read the public view as the
// API does for the public; `accord record create|update|delete exchange` run the API's use cases
// with its JSON bodies, audited as system:cli, and refuse an unknown organization naming the field.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { newExchangeBody } from '../support/exchange-requests.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord exchanges and accord record … exchange', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(body));
    return path;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-exchanges-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'exchanges.db')}` };
    await accord('db', 'seed');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('list and export the shipped exchanges, filtered', async () => {
    const list = await accord('exchanges', 'list', '--organization', 'las');
    assert.match(list.stdout, /ohchr-las-arab-charter-2004/);
    assert.match(list.stdout, /ohchr-las-arab-charter-consultation-2007/);
    assert.doesNotMatch(list.stdout, /tripartite/);
    const json = JSON.parse((await accord('exchanges', 'list', '--year', '2012', '--format', 'json')).stdout);
    assert.equal(json.total, 2);
    const newest = JSON.parse((await accord('exchanges', 'list', '--series', 'un-osce-coe-tripartite', '--sort', '-start', '--limit', '1', '--format', 'json')).stdout);
    assert.deepEqual([newest.total, newest.items[0].id], [5, 'tripartite-2007-vienna']);
    const csv = (await accord('exchanges', 'export', 'csv', '--series', 'un-osce-coe-tripartite')).stdout;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 6, 'a header and the five tripartite meetings');
  });

  test('an exchange is entered, corrected and deleted, each audited as system:cli; a bad organization is named', async () => {
    const made = await accord('record', 'create', 'exchange', '--body', file('x.json', newExchangeBody('cli-exchange')));
    assert.match(made.stdout, /exchange cli-exchange entered, version 1/);
    const fixed = await accord('record', 'update', 'exchange', 'cli-exchange', '--body', file('u.json', { city: 'Nairobi', source: newExchangeBody('x').source }));
    assert.match(fixed.stdout, /city corrected, now version 2/);
    const audit = JSON.parse((await accord('audit', '--limit', '1', '--format', 'json')).stdout)[0];
    assert.deepEqual([audit.useCase, audit.actor, audit.entityId], ['exchanges.update', 'system:cli', 'cli-exchange']);
    await accord('record', 'delete', 'exchange', 'cli-exchange');
    assert.doesNotMatch((await accord('exchanges', 'list', '--limit', '1000')).stdout, /cli-exchange/);
    const bad = {
      ...newExchangeBody('cli-bad'),
      parties: [
        { side: 'un', unBody: 'ohchr' },
        { side: 'regional', organizationId: 'atlantis' },
      ],
    };
    const error = await accord('record', 'create', 'exchange', '--body', file('b.json', bad)).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(error?.code, 1);
    assert.match(error?.stderr ?? '', /parties\.1\.organizationId/);
  });
});
