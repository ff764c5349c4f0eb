// Resolutions from the command line: `accord import resolution <folder>` stores every text of a
// folder and refuses, naming the file and why, what is not a resolution text, storing the rest;
// `accord export resolution` writes Akoma Ntoso the shared schema validates, or JSON;
// `accord resolutions calendar|mandates|mandate` read and move mandates, audited as system:cli.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { validateAkomaNtoso } from '../../src/modules/resolutions/akn/index.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;
const ID_2004 = 'local-ga-59-regional-arrangements-2004-12-20';

describe('accord import resolution, export resolution, resolutions …', { skip: skipWithoutSharedData() }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });
  const fails = async (...args: string[]) => {
    try {
      await accord(...args);
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
    throw new Error(`accord ${args.join(' ')} did not fail`);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-resolutions-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'resolutions.db')}` };
    await accord('db', 'seed');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a folder imports text by text: a file that is no resolution is refused by name, the others stored', async () => {
    const folder = join(dir, 'texts');
    mkdirSync(join(folder, 'more'), { recursive: true });
    copyFileSync(sharedDataPath('resolutions', 'GA-59-regional-arrangements-2004-12-20.txt'), join(folder, 'GA-59-regional-arrangements-2004-12-20.txt'));
    copyFileSync(sharedDataPath('resolutions', 'corpus', 'A-RES-78-235.txt'), join(folder, 'more', 'A-RES-78-235.txt'));
    writeFileSync(join(folder, 'notes.txt'), 'Things to read before the session: the reports, the agenda.\n');
    writeFileSync(join(folder, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00, 0x01]));
    writeFileSync(join(folder, 'ignored.pdf'), 'not read: only .txt files are');
    const failed = await fails('import', 'resolution', folder);
    assert.equal(failed.code, 1, 'a refused file makes the command fail, so that scripts notice');
    const out = failed.stdout + failed.stderr;
    assert.match(out, /4 files: 2 imported, 0 unchanged, 2 rejected/);
    assert.match(out, /notes\.txt.*text.*neither an operative paragraph/);
    assert.match(out, /scan\.txt.*not UTF-8/);
    assert.match(out, /local:ga-59-regional-arrangements-2004-12-20: replaced; 9 preambular, 14 operative paragraphs, 6 mandates/, 'the shipped reading, now with its text');
    const list = JSON.parse((await accord('resolutions', 'list', '--limit', '1000', '--format', 'json')).stdout);
    const imported = list.items.filter((r: { origin: string }) => r.origin === 'import').map((r: { key: string }) => r.key);
    assert.deepEqual(imported.sort(), ['A/RES/78/235', 'local:ga-59-regional-arrangements-2004-12-20']);
    assert.ok(list.total >= 44, 'the shipped readings beside them');
    const again = await accord('import', 'resolution', join(folder, 'GA-59-regional-arrangements-2004-12-20.txt'));
    assert.match(again.stdout + again.stderr, /1 files?: 0 imported, 1 unchanged/);
  });

  test('export writes Akoma Ntoso the shared schema validates, or the JSON the API gives', async () => {
    const out = join(dir, 'r.akn.xml');
    await accord('export', 'resolution', ID_2004, '--format', 'akn', '--out', out);
    const xml = readFileSync(out, 'utf8');
    assert.deepEqual(await validateAkomaNtoso([xml]), [[]]);
    assert.match(xml, /unofficial-local-identifier/);
    const byKey = JSON.parse((await accord('export', 'resolution', 'A/RES/78/235', '--format', 'json')).stdout);
    assert.equal(byKey.id, 'A-RES-78-235');
    assert.equal(byKey.paragraphs.filter((p: { kind: string }) => p.kind === 'operative').length, 12);
    const missing = await fails('export', 'resolution', 'A/RES/1/1');
    assert.match(missing.stderr, /resolution.*A\/RES\/1\/1/);
    const noId = await fails('export', 'resolution');
    assert.match(noId.stderr, /Name the resolution to export/);
    const csv = await fails('export', 'resolution', ID_2004, '--format', 'csv');
    assert.match(csv.stderr, /akn or json/);
  });

  test('the calendar and mandates read as the API; a mandate moves through its use case, audited', async () => {
    const calendar = (await accord('resolutions', 'calendar', '--resolution', ID_2004, '--as-of', '2006-06-30')).stdout;
    assert.match(calendar, /Commission on Human Rights, session 61 \(over by 2005-12-31\): 1 due, 1 overdue at 2006-06-30/);
    assert.match(calendar, /General Assembly, session 61 \(over by 2007-09-30\): 2 due, 0 overdue/);
    const overdue = JSON.parse((await accord('resolutions', 'mandates', '--overdue', '--as-of', '2026-12-07', '--format', 'json')).stdout);
    assert.ok(overdue.items.some((m: { id: string }) => m.id === `${ID_2004}.op13`));
    const body = join(dir, 'm.json');
    writeFileSync(body, JSON.stringify({ status: 'in-progress', statusNote: 'drafting begun' }));
    const moved = await accord('resolutions', 'mandate', `${ID_2004}.op13`, '--body', body, '--reason', 'test');
    assert.match(moved.stdout, /status, statusNote changed, now version 2/);
    const audit = JSON.parse((await accord('audit', '--limit', '1', '--format', 'json')).stdout)[0];
    assert.deepEqual([audit.useCase, audit.actor, audit.entityId], ['mandates.update', 'system:cli', `${ID_2004}.op13`]);
    const stale = await fails('resolutions', 'mandate', `${ID_2004}.op13`, '--body', body, '--if-version', '1');
    assert.match(stale.stderr, /changed by someone else/);
    writeFileSync(body, JSON.stringify({ status: 'finished' }));
    const bad = await fails('resolutions', 'mandate', `${ID_2004}.op13`, '--body', body);
    assert.match(bad.stderr, /status/);
  });
});
