// The audit trail from the command line: `db seed` and `organization update` record who did
// what and why; `accord audit` lists and filters the records, in a table, JSON or CSV.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord audit', () => {
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
    return error.stderr;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-audit-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'audit.db')}` };
    await accord('db', 'seed', '--reason', 'first install');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the seed and the snapshot are recorded as system actors with the operating-system user and the reason', async () => {
    const records = JSON.parse((await accord('audit', '--format', 'json')).stdout) as { actor: string; osUser: string; useCase: string; reason: string }[];
    assert.deepEqual(
      records.map((r) => r.useCase),
      ['snapshot.load', 'snapshot.load', 'snapshot.load', 'reference.seed'],
      'newest first: the resolution readings, the recommendations, the treaty data, the reference data',
    );
    assert.deepEqual(
      records.map((r) => r.actor),
      ['system:snapshot', 'system:snapshot', 'system:snapshot', 'system:seed'],
    );
    assert.ok(records.every((r) => r.osUser === userInfo().username && r.reason === 'first install'));
  });

  test('a correction is recorded with before and after, and found by entity, actor or use case', async () => {
    const { stdout } = await accord('organization', 'update', 'au', '--website', 'https://au.int/en', '--source', 'pkg-i18n-iso-countries', '--reason', 'the site moved');
    assert.match(stdout, /au: website corrected, now version 2/);
    assert.match((await accord('organization', 'update', 'au', '--website', 'https://au.int/en', '--source', 'pkg-i18n-iso-countries')).stdout, /nothing to change/);
    const table = (await accord('audit', '--entity', 'organization:au')).stdout;
    assert.match(table, /system:cli \(.+\) {2}organizations\.update update organization au/);
    assert.match(table, /website "https:\/\/au\.int" → "https:\/\/au\.int\/en"/);
    assert.match(table, /reason: the site moved/);
    const csv = (await accord('audit', '--actor', 'system:cli', '--format', 'csv')).stdout.split('\r\n');
    assert.equal(csv[0], 'id,at,actor,osUser,requestId,reason,useCase,action,entityKind,entityId,summary,before,after');
    assert.equal(csv.filter((line) => line.includes('organizations.update')).length, 1, 'the unchanged second run recorded nothing');
    assert.equal((await accord('audit', '--use-case', 'datasets.import')).stdout, 'no audit records match\n');
  });

  test('paging, dates and bad options', async () => {
    const first = (await accord('audit', '--limit', '1')).stdout;
    const id = Number(/--before (\d+)/.exec(first)![1]);
    const next = JSON.parse((await accord('audit', '--before', String(id), '--format', 'json')).stdout) as { id: number }[];
    assert.ok(next.length >= 2 && next.every((r) => r.id < id));
    assert.deepEqual(JSON.parse((await accord('audit', '--until', '2000-01-01', '--format', 'json')).stdout), []);
    // A time to the minute includes the records of that minute (times compare as stored: …T10:00:00.000Z).
    const [newest] = JSON.parse((await accord('audit', '--limit', '1', '--format', 'json')).stdout) as { id: number; at: string }[];
    const minute = `${newest!.at.slice(0, 16)}Z`;
    assert.deepEqual((JSON.parse((await accord('audit', '--since', minute, '--format', 'json')).stdout) as { id: number }[]).map((r) => r.id).includes(newest!.id), true);
    assert.equal(
      (JSON.parse((await accord('audit', '--until', minute, '--format', 'json')).stdout) as { id: number }[]).some((r) => r.id === newest!.id),
      false,
    );
    assert.match(await fails('audit', '--limit', '0'), /--limit.*whole number/);
    const empty = await run(process.execPath, [ACCORD, 'audit'], { env: { ...env, DATABASE_URL: `sqlite:${join(dir, 'empty.db')}` } }).then(
      () => undefined,
      (e: { stderr: string }) => e,
    );
    assert.match(empty?.stderr ?? '', /holds no registry yet: run `npx accord db seed` first/, 'an empty database: a clear message, not "no such table"');
    assert.match(await fails('audit', '--since', 'yesterday'), /--since.*date/);
    assert.match(await fails('organization', 'update', 'au', '--website', 'javascript:alert(1)', '--source', 'pkg-i18n-iso-countries'), /website: must be an http\(s\) web address/);
    assert.match(
      await fails('organization', 'update', 'au', '--website', 'https://au.int', '--source', 'pkg-i18n-iso-countries', '--if-version', '1'),
      /changed by someone else[\s\S]*current version is 2/,
    );
    assert.match(await fails('organization', 'update', 'nope', '--website', 'https://example.org', '--source', 'pkg-i18n-iso-countries'), /No organization with code or id "nope"/);
  });
});
