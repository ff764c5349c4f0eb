// `accord recommendations relink` and `accord recommendations export` on a database where a UPR
// Info export was imported: the links the import stored are those a relink reads again, so it
// reports them unchanged; on a database with no registry it says what to do. The export writes
// the rows the database holds for a filter, in each format, and refuses a bad option by name.
// `assign` records a follow-up status for every match in one audited write, or counts them (dry
// run), and refuses a bad status naming the field, writing nothing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { openDb } from '../../src/db/connection.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord recommendations relink and export', { skip: skipWithoutSharedData() }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-relink-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'relink.db')}` };
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('refuses a database without a registry, then finds the links the import stored unchanged', async () => {
    const refused = await accord('recommendations', 'relink').then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    assert.match(refused ?? '', /db seed/);
    await accord('db', 'seed', '--no-snapshot');
    await accord('import', 'upr-info', sharedDataPath('upr-info-terman', 'upr_recs_sessions_01-05.csv'));
    const { stdout } = await accord('recommendations', 'relink', '--reason', 'test');
    assert.match(stdout, /^\d+ recommendations read by ratification-\d+:[0-9a-f]{12}: \d+ links, as before\n$/);
  });

  test('exports the rows of a filter as CSV, JSON Lines and XLSX, each linked to its page', async () => {
    const db = openDb(env.DATABASE_URL);
    const stored = await db.db
      .selectFrom('recommendation')
      .select(['state_iso3', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state_iso3')
      .orderBy('n', 'desc')
      .orderBy('state_iso3')
      .executeTakeFirstOrThrow();
    const withWord = await db.db
      .selectFrom('recommendation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state_iso3', '=', stored.state_iso3)
      .where('text', 'like', '%torture%')
      .executeTakeFirstOrThrow();
    await db.destroy();
    const csv = join(dir, 'state.csv');
    await accord('recommendations', 'export', 'csv', '--state', stored.state_iso3, '--out', csv);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    assert.match(lines[0]!, /^id,link,kind,mechanism,state_iso3,/);
    assert.equal(lines.length - 1, Number(stored.n), 'one line per stored row of the State');
    const { stdout } = await accord('recommendations', 'export', 'jsonl', '--state', stored.state_iso3, '--q', 'torture', '--site', 'https://accord.example.org/');
    const rows = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { state: { iso3: string }; text: string; link: string });
    assert.ok(Number(withWord.n) > 0, 'the State received recommendations about torture');
    assert.equal(rows.length, Number(withWord.n));
    for (const row of rows) {
      assert.equal(row.state.iso3, stored.state_iso3);
      assert.match(row.text, /torture/i);
      assert.match(row.link, /^https:\/\/accord\.example\.org\/en\/recommendations\/[^/]+$/);
    }
    const xlsx = join(dir, 'state.xlsx');
    await accord('recommendations', 'export', 'xlsx', '--state', stored.state_iso3, '--lang', 'fr', '--out', xlsx);
    assert.equal(readFileSync(xlsx).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a ZIP container');
  });

  test('refuses an option the API would refuse, naming it, and writes no file', async () => {
    const out = join(dir, 'refused.csv');
    const refused = await accord('recommendations', 'export', 'csv', '--state', 'fiji', '--out', out).then(
      () => null,
      (error: { stderr: string; code: number }) => error,
    );
    assert.ok(refused, 'the command fails');
    assert.match(refused.stderr, /--state/);
    assert.match(refused.stderr, /ISO alpha-3/);
    assert.throws(() => readFileSync(out), /ENOENT/);
    const badFormat = await accord('recommendations', 'export', 'pdf').then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    assert.match(badFormat, /format must be one of: csv, jsonl, xlsx/);
  });

  test('assigns a status to every match in one audited write, after a dry run, and refuses a bad one', async () => {
    const db = openDb(env.DATABASE_URL);
    const count = async (table: 'follow_up_status' | 'audit_record', where?: [string, string]) => {
      let q = db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (where) q = q.where(where[0] as never, '=', where[1] as never);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    try {
      const state = (await db.db.selectFrom('recommendation').select('state_iso3').orderBy('state_iso3').executeTakeFirstOrThrow()).state_iso3;
      const matches = Number(
        (
          await db.db
            .selectFrom('recommendation')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('state_iso3', '=', state)
            .where('response', '=', 'supported')
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.ok(matches > 0);
      const args = ['recommendations', 'assign', '--state', state, '--response', 'supported', '--status', 'in-progress', '--holds-from', '2024-05-01'];
      const dry = await accord(...args, '--dry-run');
      assert.equal(dry.stdout, `${matches} recommendations match: nothing was written (dry run)\n`);
      assert.equal(await count('follow_up_status'), 0);

      const refused = await accord(...args.slice(0, -4), '--status', 'finished', '--holds-from', '2024-05-01').then(
        () => '',
        (error: { stderr: string }) => error.stderr,
      );
      assert.match(refused, /field status\.status: .*"in-progress"/);
      assert.equal(await count('follow_up_status'), 0, 'nothing written');

      const audits = await count('audit_record', ['entity_kind', 'recommendation-follow-up']);
      const done = await accord(...args, '--reason', 'test');
      assert.equal(done.stdout, `${matches} recommendations given the status in-progress from 2024-05-01\n`);
      assert.equal(await count('follow_up_status'), matches);
      assert.equal(await count('audit_record', ['entity_kind', 'recommendation-follow-up']), audits + 1, 'one audit record for the whole set');

      const { stdout } = await accord('recommendations', 'export', 'jsonl', '--follow-up', 'in-progress');
      assert.equal(stdout.trimEnd().split('\n').length, matches, 'the public follow-up filter finds them');
    } finally {
      await db.destroy();
    }
  });
});
