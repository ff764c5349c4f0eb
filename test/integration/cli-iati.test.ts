// `accord iati validate <file>` and `accord snapshot iati-codelists <folder>` as a user runs them:
// a real process, exit codes, one problem a line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { IATI_CODELIST_SNAPSHOT } from '../../src/modules/iati/codelists.ts';
import { SHARED_DATA, skipWithoutSharedData } from '../support/shared-data.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/iati/', import.meta.url).pathname;

describe('accord iati validate', { skip: skipWithoutSharedData() }, () => {
  let dir: string;
  const accord = (args: string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, [ACCORD, ...args], { env: { ...process.env, ...env }, maxBuffer: 20_000_000 });
  const fails = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const error = await accord(args, env).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.ok(error, `accord ${args.join(' ')} should fail`);
    assert.equal(error.code, 1);
    return error;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-iati-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a valid file: no problem line, a summary, exit code 0', async () => {
    const { stdout, stderr } = await accord(['iati', 'validate', join(FIXTURES, 'ohchr-human-rights-activity.xml'), '--today', '2025-06-30']);
    assert.equal(stdout, '');
    assert.match(stderr, /ohchr-human-rights-activity\.xml: 1 activities, 0 errors, 0 warnings: valid\n$/);
  });

  test('a file that breaks a rule: one tab-separated line a problem, exit code 1', async () => {
    const { stdout, stderr } = await fails(['iati', 'validate', join(FIXTURES, 'rules', 'budget.period-length.366-days.fail.xml'), '--today', '2025-06-30']);
    assert.deepEqual(stdout.trim().split('\n'), [
      'rules\tbudget.period-length\t/iati-activities/iati-activity[1]/budget[1]\t15\terror\ta budget period is at most one year; 2024-01-01 to 2025-01-01 is 366 days: split it by year',
    ]);
    assert.match(stderr, /1 activities, 1 errors, 0 warnings: refused/);
  });

  test('warnings alone do not refuse the file', async () => {
    const { stdout } = await accord(['iati', 'validate', join(FIXTURES, 'rules', 'codelist.withdrawn.currency.warn.xml'), '--today', '2025-06-30']);
    assert.match(stdout, /^rules\tcodelist\.withdrawn\t\/iati-activities\/iati-activity\[1\]\/budget\[1\]\/value\[1\]\/@currency\t\d+\twarning\t'EEK' \(Kroon\) is withdrawn/);
  });

  test('XML that is not well-formed, and a schema error, with their stage', async () => {
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, '<iati-activities version="2.03">\n<iati-activity>\n</iati-activities>\n');
    assert.match((await fails(['iati', 'validate', broken])).stdout, /^xml\txml\t-\t3\terror\tnot well-formed XML: Opening and ending tag mismatch/);
    const invalid = join(dir, 'invalid.xml');
    writeFileSync(invalid, '<iati-activities version="2.03">\n<iati-activity>\n<title/>\n</iati-activity>\n</iati-activities>\n');
    assert.match((await fails(['iati', 'validate', invalid])).stdout, /^schema\tschema\t\/iati-activities\/iati-activity\[1\]\/title\[1\]\t3\terror\tElement 'title': This element is not expected/);
  });

  test('no schema where IATI_SCHEMA_DIR points, or no file: a message, exit code 1', async () => {
    const { stderr } = await fails(['iati', 'validate', join(FIXTURES, 'ohchr-human-rights-activity.xml')], { IATI_SCHEMA_DIR: join(dir, 'none') });
    assert.match(stderr, /The IATI 2\.03 schema is not where Accord looked: .*none lacks iati-activities-schema\.xsd.*Set IATI_SCHEMA_DIR/);
    assert.match((await fails(['iati', 'validate', join(dir, 'missing.xml')])).stderr, /no file .*missing\.xml/);
  });

  test('snapshot iati-codelists writes the shipped snapshot again', async () => {
    const out = join(dir, 'codelists.json');
    const { stdout } = await accord(['snapshot', 'iati-codelists', SHARED_DATA, '--out', out]);
    assert.match(stdout, /23 IATI codelists, 1629 codes/);
    assert.equal(readFileSync(out, 'utf8'), readFileSync(IATI_CODELIST_SNAPSHOT, 'utf8'));
  });
});
