// `accord import untc-years` on each database, against every file of
// ../shared/data/untc-core-ratification-wpdl, row by row: each row is a snapshot of the
// status it states, each party row with a year one consent event dated to that year only, and
// a row whose columns contradict each other is kept as a `contradictory` snapshot that decides
// nothing, and a row the registry cannot take (a territory) is reported with its reason — its
// file changes nothing unless --skip-invalid.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importUntcYears, YEAR_FILES } from '../../src/importers/untc-years/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const FOLDER = sharedDataPath('untc-core-ratification-wpdl');
const STATUS: Record<string, string> = { 'state party': 'party', 'signatory state': 'signatory', 'no action': 'none' };

for (const dialect of testDialects()) {
  describe(`year-level import on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => {
      await database?.drop();
    });

    test('by default the consistent files are stored and the inconsistent ones change nothing, each reason given', async () => {
      const report = await importUntcYears(database.db, FOLDER);
      assert.deepEqual(report.skipped, [{ file: 'all_treaties_long.csv', reason: 'the same rows as the hr_status_*.csv files, stacked' }]);
      const rejected = report.files.filter((f) => f.status === 'rejected').map((f) => f.file);
      assert.deepEqual(rejected, ['hr_status_op_crc_ic.csv']);
      assert.deepEqual(report.unmatchedNames, ['Montserrat']);
      assert.ok(report.problems.every((p) => p.file && p.row && p.field && p.reason));
      const stored = await database.db.selectFrom('import_dataset').select('id').where('kind', '=', 'untc-years').execute();
      assert.equal(stored.length, 17);
      const contradictory = await database.db.selectFrom('treaty_snapshot').select(['file', 'row', 'note']).where('status', '=', 'contradictory').orderBy('file').orderBy('row').execute();
      assert.deepEqual(
        contradictory.map((r) => `${r.file}:${r.row}`),
        ['hr_status_op_cedaw.csv:194'],
        'only a row whose status and year disagree decides nothing',
      );
      assert.equal(contradictory[0]!.note, 'status "state party", state party "0", year ""');
      // A flag that contradicts a status and a year that agree: the row is used, its contradiction noted.
      const moldova = await database.db.selectFrom('treaty_snapshot').select(['status', 'note']).where('dataset_id', '=', 'untc-years:ICESCR').where('participant_id', '=', 'MDA').execute();
      assert.deepEqual(moldova, [{ status: 'party', note: 'status "state party", state party "0", year "1993"' }]);
      const consent = await database.db.selectFrom('treaty_action').select(['kind', 'date']).where('dataset_id', '=', 'untc-years:ICESCR').where('participant_id', '=', 'MDA').execute();
      assert.deepEqual(consent, [{ kind: 'ratification-or-accession', date: '1993' }]);
      // A note recording a denunciation becomes a withdrawal quoting it (Jamaica, ICCPR-OP1).
      const jamaica = await database.db
        .selectFrom('treaty_action')
        .select(['kind', 'date', 'note', 'column'])
        .where('dataset_id', '=', 'untc-years:ICCPR-OP1')
        .where('participant_id', '=', 'JAM')
        .orderBy('seq')
        .execute();
      assert.deepEqual(jamaica, [
        { kind: 'ratification-or-accession', date: '1975', note: null, column: 'year ratification or accession' },
        { kind: 'denunciation', date: '1997', note: 'the list\'s note: "Denounced the OP 1997"', column: 'note' },
      ]);
    });

    test('with --skip-invalid every file is stored, row by row as the file says', async () => {
      const report = await importUntcYears(database.db, FOLDER, { skipInvalid: true });
      assert.equal(report.files.filter((f) => f.status === 'imported').length, 1, 'the file refused before');
      const rejectedRows = new Set(report.problems.map((p) => `${p.file}|${p.row}`));
      for (const [code, instrument] of Object.entries(YEAR_FILES)) {
        const file = `hr_status_${code}.csv`;
        const rows = parse(readFileSync(join(FOLDER, file)), { columns: true, bom: true }) as Record<string, string>[];
        const snapshots = await database.db.selectFrom('treaty_snapshot').selectAll().where('dataset_id', '=', `untc-years:${instrument}`).orderBy('row').execute();
        const events = await database.db
          .selectFrom('treaty_action')
          .selectAll()
          .where('dataset_id', '=', `untc-years:${instrument}`)
          .where('kind', '=', 'ratification-or-accession')
          .orderBy('row')
          .execute();
        const eventByRow = new Map(events.map((e) => [e.row, e]));
        let kept = 0;
        rows.forEach((raw, index) => {
          const row = index + 2;
          if (rejectedRows.has(`${file}|${row}`)) return;
          const snapshot = snapshots[kept++]!;
          assert.equal(snapshot.row, row, `${file}: row ${row} kept`);
          const consistent = raw['state party'] === (raw.status === 'state party' ? '1' : '0');
          const statusAndYearAgree = (raw.status === 'state party') === Boolean(raw['year ratification or accession']);
          const used = consistent || statusAndYearAgree;
          assert.equal(snapshot.status, used ? STATUS[raw.status!] : 'contradictory', `${file} row ${row}`);
          assert.equal(snapshot.note !== null, !consistent, `${file} row ${row}: a contradiction is noted`);
          assert.equal(snapshot.participant_name, raw.member);
          assert.equal(snapshot.as_of, null, 'the list does not state its date');
          const event = eventByRow.get(row);
          if (raw['year ratification or accession'] && used) {
            assert.deepEqual([event?.kind, event?.date], ['ratification-or-accession', raw['year ratification or accession']], `${file} row ${row}`);
          } else assert.equal(event, undefined, `${file} row ${row}: no year, no event`);
        });
        assert.equal(snapshots.length, kept, file);
      }
      const timorLeste = await database.db.selectFrom('treaty_snapshot').select('participant_id').where('participant_name', '=', 'East Timor').execute();
      assert.ok(timorLeste.length > 0 && timorLeste.every((r) => r.participant_id === 'TLS'), 'East Timor (TP) is Timor-Leste');
    });

    test('the same folder again changes nothing', async () => {
      const before = await database.db.selectFrom('treaty_snapshot').selectAll().orderBy('dataset_id').orderBy('seq').execute();
      const report = await importUntcYears(database.db, FOLDER, { skipInvalid: true });
      assert.ok(report.files.every((f) => f.status === 'unchanged'));
      assert.deepEqual(await database.db.selectFrom('treaty_snapshot').selectAll().orderBy('dataset_id').orderBy('seq').execute(), before);
    });
  });
}
