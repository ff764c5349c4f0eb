// A directory or a named pipe (FIFO) where an input file is expected: refused before it is
// opened, with a message naming the file and saying what it is; a folder import reports such
// an entry by name and goes on with the rest. A pipe must never hang an import: those cases run
// the real `accord` command in a child process that is killed if it does not end in time.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importAll } from '../../src/importers/all.ts';
import { importCsvWithMapping } from '../../src/importers/csv-mapping/import.ts';
import { readUtf8 } from '../../src/importers/read-utf8.ts';
import { importUntc } from '../../src/importers/untc/import.ts';
import { importUntcHtml } from '../../src/importers/untc-html/import.ts';
import { importUntcYears } from '../../src/importers/untc-years/import.ts';
import { importUntermNames } from '../../src/importers/unterm-names/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;
/** Far longer than any of these imports takes, even on a busy machine. */
const GUARD_MS = 90_000;
const TABLE = 'Participant,Signature,"Ratification, Accession(a), Succession(d)"\nFrance,,4 Nov 1980 a\n';

interface Run {
  code: number | null;
  killed: boolean;
  out: string;
}

/** `accord <args>` on the test database, killed after GUARD_MS. */
function accord(url: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [ACCORD, ...args], { env: { ...process.env, DATABASE_URL: url }, timeout: GUARD_MS, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, killed: Boolean(e?.killed), out: `${stdout}\n${stderr}` });
    });
  });
}

for (const dialect of testDialects()) {
  describe(`directories and named pipes as input files on ${dialect}`, () => {
    let database: TestDb;
    let work: string;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
      work = mkdtempSync(join(tmpdir(), 'accord-special-'));
    });
    after(async () => {
      await database?.drop();
      rmSync(work, { recursive: true, force: true });
    });

    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), text);
      return join(work, path);
    };
    const folder = (path: string) => {
      mkdirSync(join(work, path), { recursive: true });
      return join(work, path);
    };
    const fifo = (path: string) => {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      execFileSync('mkfifo', [join(work, path)]);
      return join(work, path);
    };

    test('reading a directory as a file names it and says it is a directory', () => {
      const dir = folder('4-1.csv');
      assert.throws(
        () => readUtf8(dir, '4-1.csv', 'a UNTC table'),
        (e: ValidationError) => e instanceof ValidationError && /^4-1\.csv is a directory, not a UNTC table$/.test(e.message) && e.details[0]?.file === '4-1.csv',
      );
    });

    test('a folder import refuses a directory named like a table by name and imports the rest', async () => {
      write('untc/treaties/4-4.csv', TABLE);
      folder('untc/treaties/4-1.csv');
      folder('untc/declarations/4-4.txt');
      const report = await importUntc(database.db, join(work, 'untc'));
      assert.deepEqual(
        report.files.map((f) => `${f.file} ${f.status}`),
        ['4-1.csv rejected', '4-4.csv imported', '4-4.txt rejected'],
      );
      assert.deepEqual(report.problems, [
        { file: '4-1.csv', reason: 'is a directory, not a file: it was not read' },
        { file: '4-4.txt', reason: 'is a directory, not a file: it was not read' },
      ]);
      const acts = await database.db.selectFrom('treaty_action').select(['participant_id', 'kind', 'date']).where('dataset_id', '=', 'untc:IV-4').execute();
      assert.deepEqual(acts, [{ participant_id: 'FRA', kind: 'accession', date: '1980-11-04' }]);
    });

    test('directories named like pages, year tables and mapped tables are refused by name', async () => {
      write('pages/html/a.html', '<html><body>not a status page</body></html>');
      folder('pages/html/b.html');
      const pages = await importUntcHtml(database.db, join(work, 'pages'));
      assert.ok(
        pages.problems.some((p) => p.file === 'b.html' && /is a directory/.test(p.reason)),
        JSON.stringify(pages.problems),
      );
      assert.equal(pages.files.find((f) => f.file === 'b.html')?.status, 'rejected');

      folder('years/hr_status_iccpr.csv');
      const years = await importUntcYears(database.db, join(work, 'years'));
      assert.deepEqual(years.problems, [{ file: 'hr_status_iccpr.csv', reason: 'is a directory, not a file: it was not read' }]);

      const mapping = write(
        'm.mapping.json',
        JSON.stringify({
          name: 'special',
          instrument: 'ACHR',
          source: { title: 'A test table', url: 'https://example.org/t', retrieved: '2026-01-01', kind: 'secondary' },
          participant: { iso3: 'iso3' },
          snapshot: { status: 'party' },
        }),
      );
      const csv = await importCsvWithMapping(database.db, folder('t.csv'), mapping);
      assert.deepEqual(csv.problems, [{ file: 't.csv', reason: 'is a directory, not a file: it was not read' }]);
      await assert.rejects(
        importCsvWithMapping(database.db, write('u.csv', 'iso3\nMEX\n'), folder('d.mapping.json')),
        (e: ValidationError) => e instanceof ValidationError && /d\.mapping\.json is a directory/.test(e.message),
      );
      await assert.rejects(importUntermNames(database.db, folder('country-codes.csv')), /country-codes\.csv is a directory/);
    });

    test('import all names a directory or a pipe where a table or a dataset folder is expected', async () => {
      const root = folder('all');
      write('all/untc/treaties/4-4.csv', TABLE);
      folder('all/untc/treaties/4-1.csv');
      folder('all/names/country-codes.csv');
      fifo('all/a-pipe');
      const report = await importAll(database.db, root);
      const skipped = new Map(report.skipped.map((s) => [s.path, s.reason]));
      assert.equal(skipped.get('a-pipe'), 'a named pipe (FIFO), not a dataset folder');
      assert.equal(skipped.get('names/country-codes.csv'), 'a directory, not a table: it was not read');
      assert.deepEqual(
        report.treaty.flatMap((t) => t.report.problems),
        [{ file: '4-1.csv', reason: 'is a directory, not a file: it was not read' }],
      );
    });

    test('a named pipe is refused by name and never waited on (a real accord process)', async () => {
      write('p1/treaties/4-4.csv', TABLE);
      fifo('p1/treaties/4-1.csv');
      fifo('p1/declarations/4-4.txt');
      const untc = await accord(database.url, 'import', 'untc', join(work, 'p1'));
      assert.equal(untc.killed, false, 'import untc hung on a named pipe');
      assert.equal(untc.code, 1, untc.out);
      assert.match(untc.out, /4-1\.csv: is a named pipe \(FIFO\), not a file: it was not read/);
      assert.match(untc.out, /4-4\.txt: is a named pipe \(FIFO\), not a file/);
      assert.match(untc.out, /3 files: 1 imported|3 files: 0 imported, 1 unchanged/);

      const single = await accord(database.url, 'import', 'unterm-names', fifo('pipe/country-codes.csv'));
      assert.equal(single.killed, false, 'import unterm-names hung on a named pipe');
      assert.equal(single.code, 1);
      assert.match(single.out, /country-codes\.csv is a named pipe \(FIFO\), not a UNTERM names table/);

      write('p2/html/a.html', '<html><body>not a status page</body></html>');
      fifo('p2/html/access_log.json');
      fifo('p2/html/b.html');
      const html = await accord(database.url, 'import', 'untc-html', join(work, 'p2'));
      assert.equal(html.killed, false, 'import untc-html hung on a named pipe');
      assert.match(html.out, /b\.html: is a named pipe \(FIFO\), not a file/);

      fifo('p3/names/country-codes.csv');
      write('p3/untc/treaties/4-4.csv', TABLE);
      fifo('p3/untc/treaties/4-2.csv');
      const all = await accord(database.url, 'import', 'all', join(work, 'p3'));
      assert.equal(all.killed, false, 'import all hung on a named pipe');
      assert.match(all.out, /skipped names\/country-codes\.csv: a named pipe \(FIFO\), not a table/);
      assert.match(all.out, /4-2\.csv: is a named pipe \(FIFO\), not a file/);
    });
  });
}
