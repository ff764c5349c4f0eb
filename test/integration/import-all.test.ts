// `accord import all ../shared/data` on each database: every dataset it recognises, and a
// reason for everything it skips; a second run changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importAll } from '../../src/importers/all.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { SHARED_DATA, skipWithoutSharedData } from '../support/shared-data.ts';

for (const dialect of testDialects()) {
  describe(`import all on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => {
      await database?.drop();
    });

    test('recognises the treaty tables and the official names, and says why it skips the rest', async () => {
      const report = await importAll(database.db, SHARED_DATA);
      assert.deepEqual(
        report.treaty.map((t) => `${t.folder}${t.table ? `/${t.table}` : ''} ${t.kind}`),
        [
          'cow-igo-v3 cow-igo',
          'regional-hr-transcribed/achr_ratifications_cidh_2003.csv csv',
          'regional-hr-transcribed/achr_states_parties_2020_corteidh.csv csv',
          'regional-hr-transcribed/afchpr_article34_6_declarations.csv csv',
          'regional-hr-transcribed/afchpr_protocol_parties_2020-12_news.csv csv',
          'untc-chapter4-html-2026 untc-html',
          'untc-chapter4-zmjones-2015 untc',
          'untc-core-ratification-wpdl untc-years',
        ],
      );
      assert.deepEqual(
        report.names.map((n) => n.kind),
        ['unterm-names', 'm49-names'],
      );
      const skipped = new Map(report.skipped.map((s) => [s.path, s.reason]));
      for (const folder of ['cehdi-upr-health-refdata', 'iati-reference', 'internacia-memberships', 'iso3166-regional-codes-lukes', 'resolutions', 'upr-info-terman']) {
        assert.match(skipped.get(folder) ?? '', /no importer recognises it/, folder);
      }
      assert.match(skipped.get('untc-core-ratification-wpdl/all_treaties_long.csv') ?? '', /same rows/);
      assert.match(skipped.get('untc-chapter4-html-2026/un_hr_ratifications.csv') ?? '', /drops bracketed participations/);
      const rejected = report.treaty.flatMap((t) => t.report.files.filter((f) => f.status === 'rejected').map((f) => f.file));
      assert.deepEqual(rejected.sort(), ['afchpr_protocol_parties_2020-12_news.csv', 'hr_status_op_crc_ic.csv']);
    });

    test('with --skip-invalid everything is stored; a second run changes nothing', async () => {
      await importAll(database.db, SHARED_DATA, { skipInvalid: true });
      const count = async () =>
        (await database.db.selectFrom('treaty_action').select('seq').execute()).length +
        (await database.db.selectFrom('treaty_snapshot').select('seq').execute()).length +
        (await database.db.selectFrom('membership_snapshot').select('seq').execute()).length;
      const before = await count();
      const again = await importAll(database.db, SHARED_DATA, { skipInvalid: true });
      assert.ok(again.treaty.every((t) => t.report.files.every((f) => f.status === 'unchanged')));
      assert.equal(await count(), before);
    });
  });
}
