// `accord import csv --mapping` on each database: the four regional tables of
// ../shared/data/regional-hr-transcribed through the mappings shipped in data/mappings/, row by
// row; a participant the registry does not have is reported; broken mappings are refused clearly.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importCsvWithMapping, readMapping } from '../../src/importers/csv-mapping/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const TABLES = ['achr_ratifications_cidh_2003', 'achr_states_parties_2020_corteidh', 'afchpr_article34_6_declarations', 'afchpr_protocol_parties_2020-12_news'];
const table = (name: string) => sharedDataPath('regional-hr-transcribed', `${name}.csv`);
const mappingOf = (name: string) => new URL(`../../data/mappings/regional-hr-transcribed/${name}.mapping.json`, import.meta.url).pathname;

for (const dialect of testDialects()) {
  describe(`CSV import through a mapping on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let database: TestDb;
    let work: string;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
      work = mkdtempSync(join(tmpdir(), 'accord-csv-'));
    });
    after(async () => {
      await database?.drop();
      rmSync(work, { recursive: true, force: true });
    });

    for (const name of TABLES) {
      test(`${name}: every mapped cell is one fact, row by row`, async () => {
        const mapping = readMapping(mappingOf(name));
        const report = await importCsvWithMapping(database.db, table(name), mappingOf(name), { skipInvalid: true });
        const rows = parse(readFileSync(table(name)), { columns: true, bom: true }) as Record<string, string>[];
        const rejected = new Set(report.problems.map((p) => p.row));
        const events = await database.db.selectFrom('treaty_action').selectAll().where('dataset_id', '=', `csv:${mapping.name}`).execute();
        const snapshots = await database.db.selectFrom('treaty_snapshot').selectAll().where('dataset_id', '=', `csv:${mapping.name}`).execute();
        rows.forEach((raw, index) => {
          const row = index + 2;
          const mine = events
            .filter((e) => e.row === row)
            .map((e) => `${e.kind} ${e.date} ${e.effective ?? ''}`)
            .sort();
          if (rejected.has(row)) {
            assert.deepEqual(mine, [], `row ${row} was rejected and stores nothing`);
            return;
          }
          const expected = mapping.events
            .filter((e) => raw[e.date])
            .map((e) => `${e.kind} ${raw[e.date]} ${(e.effective && raw[e.effective]) || ''}`)
            .sort();
          assert.deepEqual(mine, expected, `row ${row}`);
          assert.equal(snapshots.filter((s) => s.row === row).length, mapping.snapshot ? 1 : 0, `row ${row} snapshot`);
        });
        assert.ok(events.every((e) => e.instrument_code === mapping.instrument && e.file === `${name}.csv`));
      });
    }

    test('the Sahrawi Arab Democratic Republic (EH) is reported, not dropped or guessed; by default its file changes nothing', async () => {
      const fresh = await createTestDb(dialect);
      try {
        await seedReferenceData(fresh.db, loadReferenceData());
        const name = 'afchpr_protocol_parties_2020-12_news';
        const report = await importCsvWithMapping(fresh.db, table(name), mappingOf(name));
        assert.deepEqual(
          report.files.map((f) => f.status),
          ['rejected'],
        );
        assert.deepEqual(report.unmatchedNames, ['Sahrawi Arab Democratic Republic']);
        assert.deepEqual(
          report.problems.map((p) => [p.row, p.field]),
          [[25, 'iso2']],
        );
        assert.equal((await fresh.db.selectFrom('treaty_snapshot').select('seq').execute()).length, 0);
      } finally {
        await fresh.drop();
      }
    });

    test('the same table and mapping again change nothing; a changed mapping imports again', async () => {
      const name = TABLES[0]!;
      assert.deepEqual(
        (await importCsvWithMapping(database.db, table(name), mappingOf(name))).files.map((f) => f.status),
        ['unchanged'],
      );
      const changed = join(work, 'changed.mapping.json');
      const mapping = JSON.parse(readFileSync(mappingOf(name), 'utf8'));
      mapping.events = mapping.events.slice(0, 1);
      writeFileSync(changed, JSON.stringify(mapping));
      assert.deepEqual(
        (await importCsvWithMapping(database.db, table(name), changed)).files.map((f) => f.status),
        ['imported'],
      );
      const kinds = await database.db.selectFrom('treaty_action').select('kind').distinct().where('dataset_id', '=', `csv:${mapping.name}`).execute();
      assert.deepEqual(
        kinds.map((k) => k.kind),
        ['ratification-or-accession'],
      );
    });

    test('a broken mapping is refused naming the field; a missing column names the column', async () => {
      const bad = join(work, 'bad.mapping.json');
      writeFileSync(
        bad,
        JSON.stringify({ name: 'Bad Name', instrument: 'ACHR', source: { title: 't', url: 'not a url', retrieved: '2026' }, participant: { iso2: 'iso2' }, events: [{ kind: 'ratified', date: 'd' }] }),
      );
      await assert.rejects(importCsvWithMapping(database.db, table(TABLES[0]!), bad), (error: any) => {
        const fields = error.details.map((d: any) => d.field).sort();
        assert.deepEqual(fields, ['events.0.kind', 'name', 'source.kind', 'source.url']);
        return true;
      });
      writeFileSync(bad, '{ not json');
      await assert.rejects(importCsvWithMapping(database.db, table(TABLES[0]!), bad), /is not valid JSON/);
      const missing = join(work, 'missing.mapping.json');
      writeFileSync(missing, JSON.stringify({ ...JSON.parse(readFileSync(mappingOf(TABLES[0]!), 'utf8')), name: 'missing-column', events: [{ kind: 'signature', date: 'signed_on' }] }));
      const report = await importCsvWithMapping(database.db, table(TABLES[0]!), missing);
      assert.deepEqual(
        report.problems.map((p) => [p.row, p.field, p.reason]),
        [[1, 'signed_on', 'column named in the mapping is missing']],
      );
    });
  });
}
