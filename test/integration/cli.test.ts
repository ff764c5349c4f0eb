// The `accord` command as a user runs it: a real process on a real SQLite file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { isBuildFresh } from '../../bin/build-stamp.js';
import { skipWithoutSharedData, sharedDataPath } from '../support/shared-data.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });
  /** The same command on another database file. */
  const accordOn = (file: string, ...args: string[]) => run(process.execPath, [ACCORD, ...args], { env: { ...env, DATABASE_URL: `sqlite:${join(dir, file)}` }, maxBuffer: 20_000_000 });
  const fails = async (args: string[]) => {
    const error = await accord(...args).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    assert.ok(error, `accord ${args.join(' ')} should fail`);
    assert.notEqual(error.code, 0);
    return error.stderr;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-cli-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}` };
    await accord('db', 'migrate');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('db seed loads the reference data and the shipped treaty data, and is idempotent', async () => {
    const first = await accord('db', 'seed');
    assert.match(first.stdout, /reference data loaded .*197 States/);
    assert.match(first.stdout, /treaty data and official names loaded from the shipped snapshot: \d+ datasets, \d+ names/);
    const second = await accord('db', 'seed');
    assert.match(second.stdout, /already up to date.*197 States/);
    assert.doesNotMatch(second.stdout, /snapshot/, 'an unchanged snapshot is not loaded again');
    // A first start shows real treaty status, without ../shared: the UN pages as at 3 February 2026.
    const matrix = (await accord('export', 'treaty-matrix', '--as-of', '2026-02-03')).stdout.split('\r\n');
    const header = matrix[0]!.replace(/^\uFEFF/, '').split(',');
    const france = matrix.find((line) => line.startsWith('2026-02-03,FRA,'))!.split(',');
    assert.deepEqual([france[header.indexOf('ICCPR')], france[header.indexOf('ACHPR')], france[header.indexOf('ACHPR-WOMEN')]], ['party', 'notEligible', 'noData']);
    const parties = matrix.slice(1).filter((line) => line.split(',')[header.indexOf('ICCPR')] === 'party').length;
    assert.equal(parties, 175, 'the depositary counts 175 parties to the ICCPR');
    const forced = await accord('db', 'seed', '--force');
    assert.match(forced.stdout, /reference data loaded .*197 States/);
  });

  test('export states as CSV and JSON', async () => {
    const csv = (await accord('export', 'states', '--format', 'csv')).stdout;
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'iso2,iso3,m49,name,unStatus,unAdmission,regionalGroup,region,subregion,intermediateRegion,verified,sources');
    assert.equal(lines.length, 198);
    const json = JSON.parse((await accord('export', 'states', '--format', 'json', '--lang', 'es')).stdout);
    assert.equal(json.find((s: any) => s.iso3 === 'DEU').name, 'Alemania');
    const out = join(dir, 'members.csv');
    await accord('export', 'members', '--organization', 'coe', '--as-of', '2023-01-01', '--out', out);
    assert.equal(readFileSync(out, 'utf8').trim().split('\r\n').length, 47);
  });

  test('runs the compiled build when it matches the sources, else the sources, saying so', async () => {
    const { stdout, stderr } = await accord('--help');
    assert.match(stdout, /Usage: accord/);
    if (isBuildFresh()) assert.equal(stderr, '', 'dist/ is fresh: no hint');
    else assert.match(stderr, /^accord: dist\/ is missing or older than src\/.*`npm run build` compiles them\n$/);
  });

  test('--help everywhere', async () => {
    for (const args of [['--help'], ['db', '--help'], ['export', '--help'], ['import', '--help'], ['serve', '--help']]) {
      const { stdout } = await accord(...args);
      assert.match(stdout, /Usage: accord/);
    }
  });

  test('mistakes exit non-zero with a clear message', async () => {
    assert.match(await fails(['export', 'planets']), /entity must be one of/);
    assert.match(await fails(['export', 'states', '--format', 'xml']), /format must be one of/);
    assert.match(await fails(['export', 'coverage', '--as-of', '2023-02-30']), /calendar date/);
    assert.match(await fails(['export', 'members']), /--organization/);
    assert.match(await fails(['import', 'unterm-names', join(dir, 'missing.csv')]), /no such file/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    assert.match(await fails(['import', 'unterm-names', bad]), /does not have the UNTERM columns/);
    assert.match(await fails(['import', 'm49-names', dir]), /lacks UNSD-ar\.csv.*\n.*UNSD-ar\.csv: not found/);
  });

  test('an empty database gets a clear message, not a SQL error', async () => {
    const emptyEnv = { ...env, DATABASE_URL: `sqlite:${join(dir, 'empty.db')}` };
    const error = await run(process.execPath, [ACCORD, 'export', 'states'], { env: emptyEnv }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    assert.ok(error && error.code !== 0);
    assert.match(error.stderr, /holds no registry yet: run `npx accord db seed`/);
  });

  test('a names file that is not UTF-8 is refused naming its line, and nothing changes', async () => {
    const header = `ISO3166-1-Alpha-3,${['English', 'French', 'Spanish', 'Russian', 'Chinese', 'Arabic'].flatMap((l) => [`UNTERM ${l} Short`, `UNTERM ${l} Formal`]).join(',')}\n`;
    const good = 'FRA,France,the French Republic,France (la),la République française,,,,,,,,\n';
    const latin1 = Buffer.concat([Buffer.from(header + good), Buffer.from('CIV,C'), Buffer.from([0xf4]), Buffer.from("te d'Ivoire,,,,,,,,,,,\n")]);
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, latin1);
    const before = (await accord('export', 'states', '--format', 'json')).stdout;
    const stderr = await fails(['import', 'unterm-names', file]);
    assert.match(stderr, /not UTF-8 text/);
    assert.match(stderr, /row 3/);
    assert.equal((await accord('export', 'states', '--format', 'json')).stdout, before);
  });

  test('a postgres URL with a password never appears in messages', async () => {
    const stderr = await run(process.execPath, [ACCORD, 'db', 'migrate'], { env: { ...env, DATABASE_URL: 'postgres://someone:s3cret-pw@127.0.0.1:1/none' } }).then(
      () => '',
      (e: { stderr: string }) => e.stderr,
    );
    assert.ok(stderr.length > 0);
    assert.ok(!stderr.includes('s3cret-pw'));
  });

  test('import unterm-names from the shared datahub table, twice', { skip: skipWithoutSharedData() }, async () => {
    const file = sharedDataPath('country-codes-datahub', 'country-codes.csv');
    const first = await accord('import', 'unterm-names', file);
    assert.match(first.stdout, /imported \d+ names for 19\d States/);
    await accord('import', 'unterm-names', file);
    const json = JSON.parse((await accord('export', 'states', '--format', 'json')).stdout);
    assert.equal(json.find((s: any) => s.iso3 === 'BOL').name, 'Bolivia (Plurinational State of)');
    assert.equal(json.find((s: any) => s.iso3 === 'VAT').name, 'Holy See', 'footnote asterisks and the sorting article are removed');
  });

  test('import m49-names from the shared UNSD tables: region names in six languages', { skip: skipWithoutSharedData() }, async () => {
    const { stdout } = await accord('import', 'm49-names', sharedDataPath('country-codes-datahub', 'unsd-m49-6lang'));
    assert.match(stdout, /imported names of 29 regions \(ar 29, en 29, es 29, fr 29, ru 29, zh 29\); 0 codes not in the registry skipped/);
    const fra = JSON.parse((await accord('export', 'states', '--format', 'json', '--lang', 'fr')).stdout).find((s: any) => s.iso3 === 'FRA');
    assert.equal(fra.subregion.name, 'Europe occidentale');
    const csv = (await accord('export', 'states', '--lang', 'ru')).stdout;
    assert.match(csv, /,FRA,250,Франция,.*,Европа,Западная Европа,/);
  });

  test('import untc: a broken table is refused with a report file; the shared folder imports, then is unchanged', { skip: skipWithoutSharedData() }, async () => {
    // A database without the shipped snapshot, so that the import is a first one.
    const accord = (...args: string[]) => accordOn('untc.db', ...args);
    await accord('db', 'seed', '--no-snapshot');
    const bad = join(dir, '4-4.csv');
    writeFileSync(bad, 'Participant,Signature,"Accession(a), Succession(d), Ratification"\nAfghanistan,,24 Jan 1983 a\nAtlantis,,4 Oct 1991 a\n');
    const report = join(dir, 'rejected.csv');
    const failed = await accord('import', 'untc', bad, '--report', report).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.ok(failed && failed.code !== 0, 'a file with rejected rows makes the command fail');
    assert.match(failed.stderr, /1 file\(s\) were refused and changed nothing/);
    assert.match(failed.stdout, /4-4\.csv, row 3, field Participant: "Atlantis" matches no State/);
    assert.equal(readFileSync(report, 'utf8').split('\r\n')[0], 'file,row,column,reason');
    const first = await accord('import', 'untc', sharedDataPath('untc-chapter4-zmjones-2015'));
    assert.match(first.stdout, /^51 files: 51 imported, 0 unchanged, 0 rejected; \d+ facts stored, 0 rows rejected/);
    const second = await accord('import', 'untc', sharedDataPath('untc-chapter4-zmjones-2015'));
    assert.match(second.stdout, /^51 files: 0 imported, 51 unchanged, 0 rejected; 0 facts stored/);
    const csv = (await accord('export', 'treaty-actions', '--format', 'csv')).stdout.split('\r\n');
    assert.equal(csv[0], 'instrument,untc_ref,iso2,iso3,participant,kind,date,precision,effective,effective_rule,support,collection,precedence,overruled_by,note,source');
    assert.ok(
      csv.some((line) =>
        line.startsWith('ICCPR,IV-4,AF,AFG,Afghanistan,accession,1983-01-24,day,1983-04-24,art. 49(2),official,untc,followed,,,"untc:IV-4 (4-4.csv, row 2) <https://treaties.un.org/'),
      ),
      'the accession of Afghanistan to the ICCPR, in force three months later (art. 49(2)), followed, with its provenance',
    );
    const json = JSON.parse((await accord('export', 'treaty-actions', '--format', 'json')).stdout);
    const text = json.find((a: any) => a.kind === 'declarations-and-reservations' && a.instrument === 'ICCPR' && a.iso3 === 'ARG');
    assert.match(text.text, /article 15 of the International Covenant/);
    const matrix = (await accord('export', 'treaty-matrix', '--as-of', '1993-06-25')).stdout.split('\r\n');
    const header = matrix[0]!.replace(/^\uFEFF/, '').split(',');
    const afghanistan = matrix.find((line) => line.startsWith('1993-06-25,AFG,AF,'))!.split(',');
    assert.equal(afghanistan[header.indexOf('ICCPR')], 'party');
    assert.equal(afghanistan[header.indexOf('CPED')], 'notEligible', 'the CPED was adopted in 2006: nobody could join it in 1993');
    assert.equal(afghanistan[header.indexOf('ICMW')], 'noAction', 'the depositary lists no act of Afghanistan by then');
    const conflicts = JSON.parse((await accord('export', 'treaty-conflicts', '--format', 'json')).stdout);
    assert.deepEqual(conflicts.items, [], 'with only the UNTC imported, no source disagrees with another (the API test covers the disagreements)');
  });
});
