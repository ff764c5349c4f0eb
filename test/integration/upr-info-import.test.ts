// The UPR Info importer on the shared exports, on each database. Every stored row is compared
// with an independent reading of its file (csv-parse, the alias list read here): the State
// addressed, who recommended, session, response as coded and as read, action, issue tags,
// text. Then: the counts by file, session and response; the Mac OS Roman original refused
// unless asked for, then stored once beside its UTF-8 copy; a second import that changes
// nothing; a file with a bad row that stores nothing, or its valid rows with --skip-invalid,
// each rejected row named by row, column and reason; hostile files refused clearly.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { auditTrail } from '../../src/modules/audit/service.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const FOLDER = sharedDataPath('upr-info-terman');
const RAW = sharedDataPath('upr-info-terman', 'sessions-18-20', 'raw_original_macroman_cr_17-20.csv');
const UTF8_18_20 = sharedDataPath('upr-info-terman', 'sessions-18-20', 'upr_recs_sessions_18-20.csv');
const EXPORTS = [
  ['upr_recs_sessions_01-05.csv'],
  ['upr_recs_sessions_06-09.csv'],
  ['upr_recs_sessions_10-13.csv'],
  ['upr_recs_sessions_14-17.csv'],
  ['sessions-18-20', 'upr_recs_sessions_18-20.csv'],
  ['sessions-18-20', 'upr_voluntary_pledges_sessions_01-19.csv'],
];

type Cells = Record<string, string>;
const readExport = (...parts: string[]): Cells[] => parse(readFileSync(sharedDataPath('upr-info-terman', ...parts), 'utf8'), { columns: true, bom: true }) as Cells[];

/** The alias list, read here on its own: name → ISO3 ('' for a name that is no State). */
function aliases(): Map<string, string> {
  const rows = parse(readFileSync(new URL('../../data/reference/upr-aliases.csv', import.meta.url), 'utf8'), { columns: true }) as Cells[];
  return new Map(rows.map((r) => [r.name!.replace('&#40;', '(').replace('&#41;', ')'), r.iso3!]));
}

const list = (cell: string) =>
  cell
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function tempFile(name: string, content: string | Buffer): string {
  const path = join(tmpdir(), `accord-upr-${process.pid}-${name}`);
  writeFileSync(path, content);
  return path;
}

const HEADER = 'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session';

for (const dialect of testDialects()) {
  describe(`UPR Info import on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => {
      await database?.drop();
    });
    const db = () => database.db;

    test('the Mac OS Roman original alone: refused as not UTF-8, saying how; with --encoding macintosh, stored', async () => {
      const refused = await importUprInfo(db(), RAW);
      assert.equal(refused.files[0]!.status, 'rejected');
      assert.match(refused.files[0]!.note ?? '', /not UTF-8.*--encoding macintosh/);
      const stored = await importUprInfo(db(), RAW, { encoding: 'macintosh' });
      assert.deepEqual(
        stored.files.map((f) => [f.status, f.dataset, f.stored]),
        [['imported', 'upr-info:recommendations:sessions-18-20', 7984]],
      );
      const accented = await db().selectFrom('recommendation').select('text').where('text', 'like', '%é%').where('dataset_id', '=', 'upr-info:recommendations:sessions-18-20').execute();
      assert.ok(accented.length > 0, 'é decoded from 0x8e');
      const garbled = await db().selectFrom('recommendation').select('text').where('text', 'like', '%√%').execute();
      assert.equal(garbled.length, 0, 'no mojibake');
    });

    test('the folder: every export stored, the UTF-8 copy of the original stored once, the other tables skipped', async () => {
      const report = await importUprInfo(db(), FOLDER);
      const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
      assert.equal(byFile['upr_recs_sessions_18-20.csv']!.status, 'unchanged', 'the same rows as the Mac OS Roman original: stored once');
      assert.equal(byFile['raw_original_macroman_cr_17-20.csv']!.status, 'rejected', 'in a folder it is read as UTF-8, and refused');
      assert.equal(byFile['sessions.csv']!.status, 'skipped');
      assert.equal(byFile['upr-years.csv']!.status, 'skipped');
      for (const f of ['upr_recs_sessions_01-05.csv', 'upr_recs_sessions_06-09.csv', 'upr_recs_sessions_10-13.csv', 'upr_recs_sessions_14-17.csv', 'upr_voluntary_pledges_sessions_01-19.csv'])
        assert.equal(byFile[f]!.status, 'imported', f);
      const total = await db()
        .selectFrom('recommendation')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(total.n), 33082 + 7984 + 947);
    });

    test('every stored row is its file row, read independently', async () => {
      const alias = aliases();
      const stateNames = await db().selectFrom('entity_name').select(['entity_id', 'value']).where('entity_kind', '=', 'state').execute();
      const fold = (s: string) =>
        s
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
      const byName = new Map<string, Set<string>>();
      for (const n of stateNames) byName.set(fold(n.value), (byName.get(fold(n.value)) ?? new Set()).add(n.entity_id));
      const iso3Of = (name: string) => {
        if (alias.has(name)) return alias.get(name) || null;
        const found = byName.get(fold(name));
        assert.equal(found?.size, 1, `one State named ${name}`);
        return [...found!][0]!;
      };
      for (const parts of EXPORTS) {
        const file = parts.at(-1)!;
        const rows = readExport(...parts);
        const stored = await db()
          .selectFrom('recommendation as r')
          .innerJoin('import_dataset as d', 'd.id', 'r.dataset_id')
          .selectAll('r')
          .where('d.label', 'like', `%(${file === 'upr_recs_sessions_18-20.csv' ? 'raw_original_macroman_cr_17-20.csv' : file})`)
          .orderBy('r.source_row')
          .execute();
        assert.equal(stored.length, rows.length, `${file}: one stored row per source row`);
        rows.forEach((cells, i) => {
          const row = stored[i]!;
          const where = `${file} row ${i + 2}`;
          assert.equal(row.source_row, i + 2, where);
          assert.equal(row.state_iso3, iso3Of(cells.To!), `${where}: To`);
          assert.equal(row.recommender_iso3, iso3Of(cells.From!.replace('&#40;', '(').replace('&#41;', ')')), `${where}: From`);
          assert.equal(row.session, Number(cells.Session), `${where}: Session`);
          assert.equal(row.response_source, cells.Response, `${where}: Response`);
          const read = { Accepted: 'supported', Noted: 'noted', 'Voluntary Pledge': null }[cells.Response!];
          assert.equal(row.response, read, `${where}: response read`);
          assert.equal(row.kind, cells.Response === 'Voluntary Pledge' ? 'voluntary-pledge' : 'recommendation', where);
          assert.equal(row.action_category, cells.Action ? Number(cells.Action) : null, `${where}: Action`);
          assert.deepEqual(JSON.parse(row.themes_source), list(cells.Issue!), `${where}: Issue`);
          assert.deepEqual(JSON.parse(row.recommender_orgs), list(cells['From-Org']!), `${where}: From-Org`);
          assert.equal(row.state_group, cells['To-Rgrp'] || null, `${where}: To-Rgrp`);
          assert.equal(row.text, cells.Text!.trim(), `${where}: Text`);
        });
      }
    });

    test('counts by session and response, and joint recommendations shown together', async () => {
      const bySession = await db()
        .selectFrom('recommendation')
        .select(['session', (eb) => eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'recommendation')
        .groupBy('session')
        .orderBy('session')
        .execute();
      const expected = new Map<number, number>();
      for (const parts of EXPORTS.slice(0, 5)) for (const r of readExport(...parts)) expected.set(Number(r.Session), (expected.get(Number(r.Session)) ?? 0) + 1);
      assert.deepEqual(
        bySession.map((r) => [r.session, Number(r.n)]),
        [...expected].sort((a, b) => a[0] - b[0]),
      );
      const responses = await db()
        .selectFrom('recommendation')
        .select(['response', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('response')
        .orderBy('response')
        .execute();
      assert.deepEqual(Object.fromEntries(responses.map((r) => [String(r.response), Number(r.n)])), { noted: 10594, supported: 30472, null: 947 });
      // The largest group of one text made by several States to one State in one session.
      const groups = await db()
        .selectFrom('recommendation')
        .select(['group_key', (eb) => eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'recommendation')
        .groupBy('group_key')
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      assert.ok(groups.length > 500, `${groups.length} texts made by several States`);
      assert.equal(Math.max(...groups.map((g) => Number(g.n))), 13);
    });

    test('a second import changes nothing and records nothing', async () => {
      const before = (await auditTrail(db(), { limit: 100000 })).length;
      const report = await importUprInfo(db(), FOLDER);
      assert.ok(report.files.filter((f) => f.status === 'imported').length === 0);
      assert.equal((await auditTrail(db(), { limit: 100000 })).length, before);
    });

    test('a file with bad rows stores nothing, naming each row, column and reason; --skip-invalid stores the valid rows', async () => {
      const path = tempFile(
        'bad.csv',
        [
          HEADER,
          'Kenya,Africa,AU,Ratify the Optional Protocol to the Convention against Torture.,France,WEOG,EU,Accepted,5,International instruments,21',
          'Atlantis,Africa,AU,Some text,France,WEOG,EU,Accepted,5,Justice,21',
          'Kenya,Africa,AU,Other text,France,WEOG,EU,Maybe,7,Justice,twenty',
          'Kenya,Africa,AU,,France,WEOG,EU,Accepted,5,Justice,21',
        ].join('\n'),
      );
      const refused = await importUprInfo(db(), path);
      assert.equal(refused.files[0]!.status, 'rejected');
      assert.deepEqual(
        refused.problems.map((p) => `${p.row} ${p.field}`),
        ['3 To', '4 Response', '4 Session', '4 Action', '5 Text'],
      );
      assert.match(refused.problems[0]!.reason, /"Atlantis" names no State/);
      const none = await db().selectFrom('recommendation').select('id').where('session', '=', 21).execute();
      assert.equal(none.length, 0, 'nothing stored');
      const skipped = await importUprInfo(db(), path, { skipInvalid: true });
      assert.deepEqual(
        skipped.files.map((f) => [f.status, f.stored, f.rejected]),
        [['imported', 1, 3]],
      );
    });

    test('hostile files: binary, header only, another table, an encoding asked of a UTF-8 file', async () => {
      const binary = await importUprInfo(db(), tempFile('binary.csv', Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a])));
      assert.equal(binary.files[0]!.status, 'rejected');
      const empty = await importUprInfo(db(), tempFile('empty.csv', `${HEADER}\n`));
      assert.match(empty.problems.at(-1)!.reason, /no valid row/);
      const other = await importUprInfo(db(), sharedDataPath('upr-info-terman', 'sessions.csv'));
      assert.equal(other.files[0]!.status, 'rejected');
      assert.match(other.files[0]!.note ?? '', /not a UPR Info export/);
      const utf8 = await importUprInfo(db(), UTF8_18_20, { encoding: 'macintosh' });
      assert.match(utf8.files[0]!.note ?? '', /is UTF-8 text: reading it as Mac OS Roman would garble/);
    });
  });
}
