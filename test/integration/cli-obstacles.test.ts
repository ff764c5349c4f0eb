// Obstacles and gaps from the command line: `accord record create|update|delete obstacle|strategy`
// run the API's use cases with its JSON bodies (audited as system:cli, bad input refused naming
// the field), and `accord gaps <iso3>` gives a State's ratification gaps from the shipped treaty
// data as a table, JSON or CSV.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;
const SOURCE = { title: 'Conclusions of a workshop (written for the tests)', url: 'https://example.org/w/1', kind: 'official', retrieved: '2026-11-30' };
const OBSTACLE = { state: 'USA', instruments: ['CRC'], category: 'federal-structure', description: 'Written for the tests', identified: '2020', identifiedBy: 'Test', source: SOURCE };

describe('accord record obstacle|strategy and accord gaps', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });
  const fails = async (...args: string[]) => {
    const error = await accord(...args).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    assert.ok(error, `accord ${args.join(' ')} should fail`);
    assert.equal(error.code, 1);
    assert.doesNotMatch(error.stderr, /\n\s+at /, 'no stack trace');
    return error.stderr;
  };
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(body));
    return path;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-obstacles-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'obstacles.db')}` };
    await accord('db', 'seed');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('an obstacle and its strategy are entered, corrected and deleted; a bad body names the field', async () => {
    assert.match(await fails('record', 'create', 'obstacle', '--body', file('bad.json', { ...OBSTACLE, category: 'weather' })), /category/);
    const made = await accord('record', 'create', 'obstacle', '--body', file('o.json', OBSTACLE));
    const id = /obstacle (obs-[a-z0-9]{10}) entered, version 1/.exec(made.stdout)?.[1];
    assert.ok(id, made.stdout);
    assert.match(await fails('record', 'create', 'strategy', '--body', file('s0.json', { kind: 'awareness', description: 'x', status: 'planned', source: SOURCE })), /obstacleId/);
    const strategy = await accord(
      'record',
      'create',
      'strategy',
      '--body',
      file('s.json', { obstacleId: id, kind: 'peer-exchange', description: 'Exchange with a federal State party', status: 'planned', source: SOURCE }),
    );
    const sid = /strategy (stg-[a-z0-9]{10}) entered/.exec(strategy.stdout)?.[1];
    assert.ok(sid, strategy.stdout);
    assert.match((await accord('record', 'update', 'strategy', sid, '--body', file('u.json', { status: 'ongoing', source: SOURCE }))).stdout, /status corrected, now version 2/);
    assert.match(await fails('record', 'delete', 'obstacle', id), /strateg/);
    await accord('record', 'delete', 'strategy', sid);
    assert.match((await accord('record', 'delete', 'obstacle', id)).stdout, /deleted/);
    const audit = JSON.parse((await accord('audit', '--limit', '1', '--format', 'json')).stdout) as { useCase: string; actor: string }[];
    assert.deepEqual([audit[0]?.useCase, audit[0]?.actor], ['obstacles.delete', 'system:cli']);
  });

  test('accord gaps: the United States is not party to the CRC, with its obstacle, as table, JSON and CSV', async () => {
    await accord('record', 'create', 'obstacle', '--body', file('o2.json', OBSTACLE));
    const json = JSON.parse((await accord('gaps', 'usa', '--format', 'json', '--as-of', '2026-01-01')).stdout);
    const crc = json.gaps.find((g: { instrument: { code: string } }) => g.instrument.code === 'CRC');
    assert.equal(crc.status, 'signatory');
    assert.deepEqual(
      crc.obstacles.map((o: { category: string }) => o.category),
      ['federal-structure'],
    );
    const csv = (await accord('gaps', 'USA', '--format', 'csv', '--as-of', '2026-01-01')).stdout;
    assert.match(csv, /\n2026-01-01,USA,CRC,[^\n]*,signatory,[^\n]*federal-structure/);
    const table = (await accord('gaps', 'USA', '--as-of', '2026-01-01')).stdout;
    assert.match(table, /CRC\s+signatory\s+obstacles: federal-structure \(stands\)/);
    assert.match(table, /obstacles: none recorded/, 'a gap without an obstacle says none is recorded');
    assert.match(await fails('gaps', 'XXX'), /XXX/);
  });
});
