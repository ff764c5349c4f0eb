// `accord recommendations relink` on a database where a UPR Info export was imported: the links
// the import stored are those a relink reads again, so it reports them unchanged; on a database
// with no registry it says what to do.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord recommendations relink', { skip: skipWithoutSharedData() }, () => {
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
});
