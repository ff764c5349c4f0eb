// Exports read and written page by page: the rows, their order and their bytes are those of
// the whole export the treaty model gives, at any page size; page boundaries lose and repeat
// nothing; a failure stops the export and leaves no partial file behind.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { exportEntity, writeToFile } from '../../src/cli/export.ts';
import { replaceTopicVersions } from '../../src/modules/meta/repository.ts';
import { exportChunks, type ExportRequest } from '../../src/modules/exports/service.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { factsOf } from '../../src/modules/datasets/facts.ts';
import { deleteDataset, importDatasetsUseCase } from '../../src/modules/datasets/write.ts';
import { TREATY_ACTIONS, type TreatyActionInput } from '../../src/modules/treaty-status/facts.ts';
import { listConflicts } from '../../src/modules/treaty-status/data-quality.ts';
import { actionRow, loadActionLookups, type TreatyActionExport } from '../../src/modules/treaty-status/export-actions.ts';
import { treatyModel } from '../../src/modules/treaty-status/model.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { toCsv } from '../../src/shared/csv.ts';
import { DataChangedError } from '../../src/shared/errors.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

const ACTION_COLUMNS = [
  'instrument',
  'untc_ref',
  'iso2',
  'iso3',
  'participant',
  'kind',
  'date',
  'precision',
  'effective',
  'effective_rule',
  'support',
  'collection',
  'precedence',
  'overruled_by',
  'note',
  'source',
];

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const exported = async (db: TestDb, request: Partial<ExportRequest> & Pick<ExportRequest, 'entity' | 'format'>) =>
  (await collect(exportChunks(db.db, { lang: 'en', asOf: '2024-05-01', ...request }))).join('');

/** What the export wrote before it streamed: every act from the model, sorted as one list. */
async function wholeActions(db: TestDb): Promise<TreatyActionExport[]> {
  const [model, lookups] = await Promise.all([treatyModel(db.db), loadActionLookups(db.db)]);
  const rows = [...model.pairs.values()].flatMap((byParticipant) => [...byParticipant.values()].flatMap((pair) => pair.all.map((a) => actionRow(pair, a, lookups))));
  const order = (r: TreatyActionExport) => `${r.instrument}\u0000${r.iso3 ?? r.participant}\u0000${r.date ?? ''}\u0000${r.source}`;
  return rows.sort((a, b) => order(a).localeCompare(order(b)));
}

for (const dialect of testDialects()) {
  describe(`streamed exports of the shipped data on ${dialect}`, () => {
    let db: TestDb;
    before(async () => {
      db = await createTestDb(dialect);
      await seedReferenceData(db.db, loadReferenceData());
      await loadSnapshot(db.db);
    });
    after(() => db.drop());

    test("treaty actions are the model's, in its order and bytes, whatever the page size", async () => {
      const whole = await wholeActions(db);
      assert.ok(whole.length > 5000, `${whole.length} acts`);
      assert.ok(whole.some((r) => r.precedence === 'overruled') && whole.some((r) => r.precedence === 'confirms'), 'precedence had work to do');
      const csv = toCsv(ACTION_COLUMNS, whole as unknown as Record<string, unknown>[]);
      const json = `${JSON.stringify(whole, null, 2)}\n`;
      for (const pageRows of [1, 7, 1000, 100_000]) {
        assert.equal(await exported(db, { entity: 'treaty-actions', format: 'csv', pageRows }), csv, `CSV in pages of ${pageRows}`);
      }
      assert.equal(await exported(db, { entity: 'treaty-actions', format: 'json', pageRows: 7 }), json);
    });

    test('conflicts are the data-quality answer, in its order, whatever the page size', async () => {
      const whole = `${JSON.stringify(await listConflicts(db.db), null, 2)}\n`;
      assert.ok(JSON.parse(whole).items.length > 20);
      for (const pageRows of [1, 7, 1000]) assert.equal(await exported(db, { entity: 'treaty-conflicts', format: 'json', pageRows }), whole, `pages of ${pageRows}`);
      const csv = parse(await exported(db, { entity: 'treaty-conflicts', format: 'csv', pageRows: 7 }), { columns: true }) as Record<string, string>[];
      assert.deepEqual(
        csv.map((r) => [r.instrument, r.participant, r.kind]),
        JSON.parse(whole).items.map((c: any) => [c.instrument, c.participant, c.kind]),
      );
    });

    test('a change of the data while an export is read stops it', async () => {
      const chunks = exportChunks(db.db, { entity: 'treaty-actions', format: 'csv', lang: 'en', asOf: '2024-05-01', pageRows: 100 });
      assert.match((await chunks.next()).value!, /^instrument,untc_ref,/);
      assert.ok(((await chunks.next()).value ?? '').length > 0, 'a first page');
      await replaceTopicVersions(db.db, ['treaty-data']);
      await assert.rejects(chunks.next(), DataChangedError);
    });
  });

  describe(`exported rows, quoting and page boundaries on ${dialect}`, () => {
    let db: TestDb;
    let dir: string;
    const SOURCE = { id: 'export-test-source', title: 'Test list', url: 'https://example.org/list?a=1,2', retrieved: '2024-01-01', kind: 'official' as const, asOf: null, copyOf: null };
    const act = (instrument: string, iso3: string, name: string, date: string | null, note: string | null, row: number): TreatyActionInput => ({
      instrumentCode: instrument,
      participant: { kind: 'state', iso3 },
      participantName: name,
      kind: 'ratification',
      date,
      effective: date,
      text: null,
      note,
      file: 'list.csv',
      row,
      column: null,
    });
    /** Stores one dataset holding these acts, in place of every other treaty dataset. */
    const store = (actions: TreatyActionInput[]) =>
      runUseCase(
        db.db,
        importDatasetsUseCase,
        {
          label: 'export test',
          items: [
            {
              dataset: { id: 'csv:export-test', kind: 'csv', label: 'Export test', contentHash: String(Math.random()), source: SOURCE, asOf: null, accepted: actions.length, rejected: 0 },
              facts: [factsOf(TREATY_ACTIONS, actions)],
            },
          ],
        },
        systemContext('test'),
      );

    before(async () => {
      db = await createTestDb(dialect);
      dir = mkdtempSync(join(tmpdir(), 'accord-export-'));
      await seedReferenceData(db.db, loadReferenceData());
      const datasets = await db.db.selectFrom('import_dataset').select('id').execute();
      await db.db.transaction().execute(async (trx) => {
        for (const d of datasets) await deleteDataset(trx, d.id);
      });
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    });

    test('rows are quoted (commas, quotes, line breaks), Arabic is kept, and the order is instrument, participant, date', async () => {
      await store([
        act('ICCPR', 'FRA', 'France', '1980-11-04', 'Declaration, "with" a comma\nand a second line', 2),
        act('ICCPR', 'EGY', 'مصر', '1982-01-14', 'تحفظ: "نص"، سطر\nثان', 3),
        act('CAT', 'MAR', 'Maroc', null, '=formula()', 4),
        act('ICCPR-OP1', 'AFG', 'Afghanistan', '2000', null, 5),
      ]);
      const csv = await exported(db, { entity: 'treaty-actions', format: 'csv', pageRows: 1 });
      const lines = parse(csv, { relax_column_count: false }) as string[][];
      assert.deepEqual(lines[0], ACTION_COLUMNS);
      // The registry's order: by instrument (a hyphenated code sorts before the code it extends), then ISO code.
      assert.deepEqual(
        lines.slice(1).map((l) => [l[0], l[3]]),
        [
          ['CAT', 'MAR'],
          ['ICCPR-OP1', 'AFG'],
          ['ICCPR', 'EGY'],
          ['ICCPR', 'FRA'],
        ],
      );
      const source = (row: number) => `csv:export-test (list.csv, row ${row}) <https://example.org/list?a=1,2>`;
      assert.deepEqual(lines[3], [
        'ICCPR',
        'IV-4',
        'EG',
        'EGY',
        'مصر',
        'ratification',
        '1982-01-14',
        'day',
        '1982-01-14',
        '',
        'official',
        'csv:export-test',
        'followed',
        '',
        'تحفظ: "نص"، سطر\nثان',
        source(3),
      ]);
      assert.equal(lines[1]![14], "'=formula()", 'a formula is defused');
      assert.ok(csv.includes(`,"Declaration, ""with"" a comma\nand a second line","${source(2)}"\r\n`), 'quoted as RFC 4180');
      const json = JSON.parse(await exported(db, { entity: 'treaty-actions', format: 'json', pageRows: 2 }));
      assert.deepEqual(
        json.map((r: any) => r.note),
        ['=formula()', null, 'تحفظ: "نص"، سطر\nثان', 'Declaration, "with" a comma\nand a second line'],
      );
    });

    test('pages of n acts: n − 1, n and n + 1 acts lose and repeat nothing', async () => {
      const states = ['AFG', 'AGO', 'ALB', 'AND', 'ATG', 'DZA'];
      const pageRows = 5;
      for (const count of [pageRows - 1, pageRows, pageRows + 1]) {
        await store(states.slice(0, count).map((iso3, i) => act('CAT', iso3, iso3, `2001-01-0${i + 1}`, null, i + 2)));
        const whole = await exported(db, { entity: 'treaty-actions', format: 'csv', pageRows: 1000 });
        const chunks = await collect(exportChunks(db.db, { entity: 'treaty-actions', format: 'csv', lang: 'en', asOf: '2024-05-01', pageRows }));
        assert.equal(chunks.join(''), whole, `${count} acts`);
        assert.equal(chunks.length, 1 + Math.ceil(count / pageRows), `${count} acts: the header and ${Math.ceil(count / pageRows)} page(s)`);
        assert.deepEqual(
          (parse(whole) as string[][]).slice(1).map((l) => l[3]),
          states.slice(0, count),
        );
        const json = await exported(db, { entity: 'treaty-actions', format: 'json', pageRows });
        assert.equal(JSON.parse(json).length, count);
      }
    });

    test('an export with no rows is a header, or an empty JSON array', async () => {
      await store([]);
      assert.equal(await exported(db, { entity: 'treaty-actions', format: 'csv' }), `${ACTION_COLUMNS.join(',')}\r\n`);
      assert.equal(await exported(db, { entity: 'treaty-actions', format: 'json' }), '[]\n');
      assert.equal(await exported(db, { entity: 'treaty-conflicts', format: 'json' }), '{\n  "items": [],\n  "sources": {}\n}\n');
    });

    test('--out: the whole export, or on failure no partial file and the previous file kept', async () => {
      await store([act('CAT', 'MAR', 'Maroc', '1993-06-21', null, 2)]);
      const out = join(dir, 'actions.csv');
      await exportEntity(db.db, 'treaty-actions', 'csv', { lang: 'en', asOf: '2024-05-01', out });
      assert.equal(readFileSync(out, 'utf8'), await exported(db, { entity: 'treaty-actions', format: 'csv' }));

      writeFileSync(out, 'the previous export\r\n');
      async function* failing(): AsyncGenerator<string> {
        yield 'header\r\n';
        yield 'a first page\r\n';
        throw new Error('the database went away');
      }
      await assert.rejects(writeToFile(failing(), out), /export to .*actions\.csv stopped, nothing was written there: the database went away/);
      assert.equal(readFileSync(out, 'utf8'), 'the previous export\r\n');
      assert.deepEqual(readdirSync(dir), ['actions.csv'], 'no partial file left');

      const missing = join(dir, 'nowhere', 'actions.csv');
      await assert.rejects(exportEntity(db.db, 'treaty-actions', 'csv', { lang: 'en', asOf: '2024-05-01', out: missing }), /nowhere.*ENOENT/s);
      assert.equal(existsSync(missing), false);
      await assert.rejects(exportEntity(db.db, 'members', 'csv', { lang: 'en', asOf: '2024-05-01', organization: 'nope', out: join(dir, 'members.csv') }), /nope/);
      assert.deepEqual(readdirSync(dir), ['actions.csv'], 'a request that cannot be answered creates no file');
    });
  });
}
