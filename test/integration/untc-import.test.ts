// `accord import untc` on each database: the whole shared UNTC folder, twice (the second time
// changes nothing); a broken file changes nothing, or stores only its valid rows with
// --skip-invalid; reloading the reference data
// keeps the imported datasets and their sources.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseDeclarations } from '../../src/importers/untc/declarations.ts';
import { importUntc } from '../../src/importers/untc/import.ts';
import { parseStatusTable } from '../../src/importers/untc/status-table.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';
import { readDataVersions } from '../../src/modules/meta/repository.ts';

const FOLDER = sharedDataPath('untc-chapter4-zmjones-2015');

/** Facts the files hold, counted with the readers alone. */
function expectedFacts(folder: string): number {
  const tables = readdirSync(join(folder, 'treaties')).map((f) => parseStatusTable(readFileSync(join(folder, 'treaties', f), 'utf8'), f).actions.length);
  const texts = readdirSync(join(folder, 'declarations')).map((f) => parseDeclarations(readFileSync(join(folder, 'declarations', f), 'utf8'), f).texts.length);
  return [...tables, ...texts].reduce((a, b) => a + b, 0);
}

for (const dialect of testDialects()) {
  describe(`UNTC import on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let database: TestDb;
    let work: string;
    const events = () => database.db.selectFrom('treaty_action').selectAll().where('dataset_id', 'like', 'untc%').orderBy('dataset_id').orderBy('seq').execute();
    const version = async () => JSON.stringify([...(await readDataVersions(database.db)).topics]);
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
      work = mkdtempSync(join(tmpdir(), 'accord-untc-'));
    });
    after(async () => {
      await database?.drop();
      rmSync(work, { recursive: true, force: true });
    });

    test('the shared folder: every file one dataset, every fact stored with its provenance; twice changes nothing', async () => {
      const report = await importUntc(database.db, FOLDER);
      assert.equal(report.files.length, 51);
      assert.ok(report.files.every((f) => f.status === 'imported'));
      assert.deepEqual(report.problems, []);
      const stored = await events();
      assert.equal(stored.length, expectedFacts(FOLDER));
      assert.ok(stored.every((e) => e.file && e.row > 0 && e.dataset_id));
      const afghanistan = stored.filter((e) => e.dataset_id === 'untc:IV-4' && e.participant_id === 'AFG');
      assert.deepEqual(
        afghanistan.map((e) => [e.kind, e.date, e.file, e.row, e.instrument_code]),
        [['accession', '1983-01-24', '4-4.csv', 2, 'ICCPR']],
      );
      const eu = stored.filter((e) => e.participant_kind === 'organization');
      assert.ok(eu.length > 0 && eu.every((e) => e.participant_id === 'eu' && e.participant_name === 'European Union'));
      const before = await version();
      const again = await importUntc(database.db, FOLDER);
      assert.ok(again.files.every((f) => f.status === 'unchanged'));
      assert.deepEqual(await events(), stored);
      assert.equal(await version(), before, 'an unchanged import does not even renew a topic version');
    });

    test('a broken file changes nothing by default and names file, row, column and reason', async () => {
      const folder = join(work, 'broken');
      cpSync(FOLDER, folder, { recursive: true });
      const path = join(folder, 'treaties', '4-4.csv');
      writeFileSync(path, readFileSync(path, 'utf8').replace('Afghanistan,,24 Jan 1983 a', 'Afghanistan,,31 Feb 1983 a').replace('Albania,', 'Atlantis,'));
      const before = await events();
      const refused = await importUntc(database.db, folder);
      assert.deepEqual(
        refused.files.filter((f) => f.status !== 'unchanged').map((f) => [f.file, f.status, f.rejected]),
        [['4-4.csv', 'rejected', 2]],
      );
      assert.deepEqual(
        refused.problems.map((p) => [p.file, p.row, p.field]),
        [
          ['4-4.csv', 2, 'Accession(a), Succession(d), Ratification'],
          ['4-4.csv', 3, 'Participant'],
        ],
      );
      assert.match(refused.problems[1]!.reason, /"Atlantis" matches no State/);
      assert.deepEqual(await events(), before, 'the file with rejected rows changed nothing');

      const report = await importUntc(database.db, folder, { skipInvalid: true });
      assert.deepEqual(report.unmatchedNames, ['Atlantis']);
      assert.deepEqual(
        report.files.filter((f) => f.status === 'imported').map((f) => [f.file, f.rejected]),
        [['4-4.csv', 2]],
      );
      const iccpr = (await events()).filter((e) => e.dataset_id === 'untc:IV-4');
      assert.ok(!iccpr.some((e) => e.participant_id === 'AFG' || e.participant_name === 'Atlantis'), 'rejected rows are not stored');
      assert.equal(iccpr.length, before.filter((e) => e.dataset_id === 'untc:IV-4').length - 2, 'the accession of Afghanistan and the one of the row renamed "Atlantis" are left out');
      assert.deepEqual(
        (await events()).filter((e) => e.dataset_id !== 'untc:IV-4'),
        before.filter((e) => e.dataset_id !== 'untc:IV-4'),
        'other datasets untouched',
      );
    });

    test('reloading the reference data keeps imported datasets and their sources', async () => {
      const count = (await events()).length;
      assert.equal(await seedReferenceData(database.db, loadReferenceData(), { force: true }), 'loaded');
      assert.equal((await events()).length, count);
      const source = await database.db.selectFrom('source').select('id').where('id', '=', 'import-untc-IV-4').executeTakeFirst();
      assert.ok(source);
    });

    test('a path that is not a UNTC folder or file is refused clearly', async () => {
      await assert.rejects(importUntc(database.db, join(work, 'nowhere')), /no such file or folder/);
      writeFileSync(join(work, 'notes.csv'), 'a,b\n');
      await assert.rejects(importUntc(database.db, join(work, 'notes.csv')), /not a UNTC chapter IV file/);
    });
  });
}
