// `accord import untc-html` on each database, and what no import may do: the 18 saved UNTC
// pages stored as datasets that speak for 3 February 2026, every act with its page, row and
// column; twice changes nothing; and a file that holds nothing, or far less than the dataset
// it would replace, is refused (UNTC tables, year-level lists, mapped tables and pages alike),
// leaving what is stored as it was.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importCsvWithMapping } from '../../src/importers/csv-mapping/import.ts';
import { MAPPINGS_DIR } from '../../src/importers/source-description.ts';
import { importUntcHtml } from '../../src/importers/untc-html/import.ts';
import { importUntc } from '../../src/importers/untc/import.ts';
import { importUntcYears } from '../../src/importers/untc-years/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

for (const dialect of testDialects()) {
  describe(`UNTC pages import on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let database: TestDb;
    let work: string;
    const actionsOf = (dataset: string) => database.db.selectFrom('treaty_action').selectAll().where('dataset_id', '=', dataset).orderBy('seq').execute();
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
      work = mkdtempSync(join(tmpdir(), 'accord-html-'));
    });
    after(async () => {
      await database?.drop();
      rmSync(work, { recursive: true, force: true });
    });

    test('the 18 pages: one dataset each, dated by the page, every act with its row and column; twice changes nothing', async () => {
      const report = await importUntcHtml(database.db, sharedDataPath('untc-chapter4-html-2026'));
      assert.deepEqual([report.files.length, report.problems], [18, []]);
      const datasets = await database.db.selectFrom('import_dataset').select(['id', 'as_of', 'source_id']).where('kind', '=', 'untc-html').orderBy('id').execute();
      assert.equal(datasets.length, 18);
      assert.ok(datasets.every((d) => d.as_of === '2026-02-03'));
      const source = await database.db.selectFrom('source').selectAll().where('id', '=', 'import-untc-html-IV-4').executeTakeFirstOrThrow();
      assert.deepEqual([source.kind, source.as_of, source.retrieved], ['official', '2026-02-03', '2026-02-03'], 'the day the page speaks for and the day it was fetched, not the day of import');
      const iccpr = await actionsOf('untc-html:IV-4');
      const afghanistan = iccpr.filter((a) => a.participant_id === 'AFG' && a.kind === 'accession');
      assert.deepEqual(
        afghanistan.map((a) => [a.date, a.file, a.row, a.column]),
        [['1983-01-24', 'iccpr.html', 2, 'Accession(a), Succession(d), Ratification']],
      );
      const op1 = await actionsOf('untc-html:IV-5');
      const jamaica = op1.filter((a) => a.participant_id === 'JAM').map((a) => [a.kind, a.date, a.effective, a.column]);
      assert.deepEqual(jamaica, [
        ['signature', '1966-12-19', null, 'Signature, Succession to signature(d)'],
        ['ratification', '1975-10-03', null, 'Ratification, Accession(a), Succession(d)'],
        ['denunciation', '1997-10-23', null, 'end note 3'],
      ]);
      const before = await database.db.selectFrom('treaty_action').select('seq').where('dataset_id', 'like', 'untc-html:%').execute();
      const again = await importUntcHtml(database.db, sharedDataPath('untc-chapter4-html-2026'));
      assert.ok(again.files.every((f) => f.status === 'unchanged'));
      assert.equal((await database.db.selectFrom('treaty_action').select('seq').where('dataset_id', 'like', 'untc-html:%').execute()).length, before.length);
    });

    test('a page whose participants table is empty, or nearly so, never replaces the stored one', async () => {
      const stored = (await actionsOf('untc-html:IV-4')).length;
      const page = readFileSync(sharedDataPath('untc-chapter4-html-2026', 'html', 'iccpr.html'), 'utf8');
      const start = page.indexOf('<tr class="trBWhite">', page.indexOf('_tblgrid"'));
      const end = page.indexOf('</table>', start);
      const empty = join(work, 'iccpr.html');
      // Only the header row is left, and no declaration: a page of nothing.
      writeFileSync(empty, page.slice(0, start) + page.slice(end).replace(/id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_dg(Dec|DecUnderArticle)"/g, 'id="gone"'));
      const refused = await importUntcHtml(database.db, empty);
      assert.deepEqual(
        refused.files.map((f) => f.status),
        ['rejected'],
      );
      assert.match(refused.problems[0]!.reason, /never replaced by nothing/);
      const firstRows = page.slice(0, page.indexOf('<tr class="trBWhite">', page.indexOf('Argentina', start)));
      const few = join(work, 'few', 'iccpr.html');
      mkdirSync(join(work, 'few'));
      writeFileSync(few, firstRows + page.slice(end).replace(/id="ctl00_ctl00_ContentPlaceHolder1_ContentPlaceHolderInnerPage_dg(Dec|DecUnderArticle)"/g, 'id="gone"'));
      const shrunk = await importUntcHtml(database.db, few, { skipInvalid: true });
      assert.deepEqual(
        shrunk.files.map((f) => f.status),
        ['rejected'],
      );
      assert.match(shrunk.problems[0]!.reason, /would replace \d+ stored rows of untc-html:IV-4 by \d+; .*--allow-fewer/);
      assert.equal((await actionsOf('untc-html:IV-4')).length, stored, 'nothing stored was lost');
      const allowed = await importUntcHtml(database.db, few, { allowFewer: true });
      assert.deepEqual(
        allowed.files.map((f) => f.status),
        ['imported'],
        'said explicitly, it is stored',
      );
      assert.ok((await actionsOf('untc-html:IV-4')).length < stored);
    });

    test('header-only files of every other importer are refused and change nothing', async () => {
      await importUntc(database.db, sharedDataPath('untc-chapter4-zmjones-2015'));
      await importUntcYears(database.db, sharedDataPath('untc-core-ratification-wpdl'), { skipInvalid: true });
      const count = async () => (await database.db.selectFrom('treaty_action').select('seq').execute()).length + (await database.db.selectFrom('treaty_snapshot').select('seq').execute()).length;
      const before = await count();
      const headerOf = (path: string) => `${readFileSync(path, 'utf8').split(/\r?\n/)[0]}\n`;
      mkdirSync(join(work, 'headers'));
      const untc = join(work, 'headers', '4-4.csv');
      writeFileSync(untc, headerOf(sharedDataPath('untc-chapter4-zmjones-2015', 'treaties', '4-4.csv')));
      const years = join(work, 'headers', 'hr_status_iccpr.csv');
      writeFileSync(years, headerOf(sharedDataPath('untc-core-ratification-wpdl', 'hr_status_iccpr.csv')));
      const table = join(work, 'headers', 'achr_ratifications_cidh_2003.csv');
      writeFileSync(table, headerOf(sharedDataPath('regional-hr-transcribed', 'achr_ratifications_cidh_2003.csv')));
      const mapping = join(MAPPINGS_DIR, 'regional-hr-transcribed', 'achr_ratifications_cidh_2003.mapping.json');
      await importCsvWithMapping(database.db, sharedDataPath('regional-hr-transcribed', 'achr_ratifications_cidh_2003.csv'), mapping);
      const withTable = await count();
      for (const report of [
        await importUntc(database.db, untc, { skipInvalid: true }),
        await importUntcYears(database.db, years, { skipInvalid: true }),
        await importCsvWithMapping(database.db, table, mapping, { skipInvalid: true }),
      ]) {
        assert.deepEqual(
          report.files.map((f) => f.status),
          ['rejected'],
        );
        assert.match(report.problems.map((p) => p.reason).join(' '), /never replaced by nothing/);
      }
      assert.ok(withTable > before);
      assert.equal(await count(), withTable, 'every stored dataset is as it was');
      copyFileSync(sharedDataPath('untc-chapter4-zmjones-2015', 'treaties', '4-4.csv'), untc);
      assert.deepEqual(
        (await importUntc(database.db, untc)).files.map((f) => f.status),
        ['unchanged'],
        'the real file is what is stored',
      );
    });
  });
}
