// `accord cooperation dashboard|state` read the programme as the API does: the shipped
// Asia-Pacific workshops counted in their years and region, a State's history with the workshop
// it hosted, restricted records only with --all, and counts never recorded never printed as 0.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { FICTIONAL_SOURCE } from '../support/projects.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord cooperation', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-cooperation-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cooperation.db')}` };
    await accord('db', 'seed');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the dashboard counts the shipped workshops in their years and region', async () => {
    const json = JSON.parse((await accord('cooperation', 'dashboard', '--region', '142', '--from', '2003', '--to', '2004', '--format', 'json')).stdout);
    assert.deepEqual(json.years, ['2003', '2004']);
    const workshops = (year: string) =>
      json.events.byKind.filter((c: { year: string; key: string }) => c.year === year && c.key === 'workshop').reduce((n: number, c: { count: number }) => n + c.count, 0);
    assert.equal(workshops('2003'), 1, 'Islamabad, 25-27 February 2003');
    assert.equal(workshops('2004'), 1, 'Doha, 2-4 March 2004');
    const table = (await accord('cooperation', 'dashboard', '--region', '142', '--from', '2003', '--to', '2003')).stdout;
    assert.match(table, /public records only/);
    assert.match(table, /^2003 +0 +0 +1 +not recorded/m, 'no participation counts shipped: "not recorded", never 0');
  });

  test("a State's history lists the workshop it hosted; a restricted request only with --all", async () => {
    const history = (await accord('cooperation', 'state', 'PAK')).stdout;
    assert.match(history, /2003-02-25 +held here +Eleventh Workshop .*\[asia-pacific-workshop-11\]/);
    const request = { state: 'PAK', authority: 'Fictional Ministry of Law', received: '2026-01-15', subject: 'Fictional request for training', source: FICTIONAL_SOURCE };
    const body = join(dir, 'request.json');
    writeFileSync(body, JSON.stringify(request));
    await accord('record', 'create', 'request', '--body', body);
    assert.match((await accord('cooperation', 'state', 'PAK')).stdout, /requests \(0\)/, 'a new request is restricted by default');
    assert.match((await accord('cooperation', 'state', 'PAK', '--all')).stdout, /requests \(1\)\n +2026-01-15 +received +Fictional request for training/);
    await assert.rejects(accord('cooperation', 'state', 'XXX'), /No state/i);
  });
});
