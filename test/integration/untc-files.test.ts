// The UNTC readers against every file of ../shared/data/untc-chapter4-zmjones-2015, row by
// row: each filled cell of each status table becomes exactly one action with the date and
// kind its text says (checked here with an independent reading of the raw CSV), no row is
// rejected, every participant maps to a State or a known organization through the registry's
// names and the reviewed alias list, and every declaration block is read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { parseDeclarations } from '../../src/importers/untc/declarations.ts';
import { parseStatusTable, untcRefOfFile } from '../../src/importers/untc/status-table.ts';
import { participantResolver, type ParticipantResolver } from '../../src/modules/treaty-status/participants.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const FOLDER = sharedDataPath('untc-chapter4-zmjones-2015');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MARKS: Record<string, string> = { a: 'accession', d: 'succession', A: 'acceptance', AA: 'approval', c: 'formal-confirmation' };

/** The expected action of a raw cell, read independently of the importer. */
function expected(cell: string, column: string): { kind: string; date: string } {
  const [day, month, year, mark] = cell.trim().split(/\s+/);
  const date = `${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (column.startsWith('Signature')) return { kind: mark === 'd' ? 'succession-to-signature' : 'signature', date };
  if (!mark) return { kind: /Ratification/.test(column) ? 'ratification' : 'acceptance', date };
  return { kind: MARKS[mark]!, date };
}

describe('UNTC chapter IV files, row by row', { skip: skipWithoutSharedData() }, () => {
  let database: TestDb;
  let resolver: ParticipantResolver;
  before(async () => {
    database = await createTestDb('sqlite');
    const data = loadReferenceData();
    await seedReferenceData(database.db, data);
    const names = await database.db.selectFrom('entity_name').select(['entity_id as iso3', 'value']).where('entity_kind', '=', 'state').execute();
    resolver = participantResolver(names, data.participantAliases);
  });
  after(async () => {
    await database?.drop();
  });

  const statusFiles = skipWithoutSharedData()
    ? []
    : readdirSync(join(FOLDER, 'treaties'))
        .filter((f) => f.endsWith('.csv'))
        .sort();

  test('all 27 status tables are there and name an instrument of the registry', () => {
    assert.equal(statusFiles.length, 27);
    const refs = new Set(loadReferenceData().instruments.map((i) => i.untcRef));
    for (const file of statusFiles) assert.ok(refs.has(untcRefOfFile(file)), `${file} → ${untcRefOfFile(file)}`);
  });

  for (const file of statusFiles) {
    test(`${file}: every filled cell is one action, as written; every participant is known`, () => {
      const text = readFileSync(join(FOLDER, 'treaties', file), 'utf8');
      const table = parseStatusTable(text, file);
      assert.deepEqual(table.problems, []);
      const [header, ...rows] = parse(text, { bom: true }) as string[][];
      assert.equal(table.participants.length, rows.length);
      const byCell = new Map(table.actions.map((a) => [`${a.row}|${a.column}`, a]));
      let filled = 0;
      rows.forEach((cells, index) => {
        cells.slice(1).forEach((cell, i) => {
          if (!cell.trim()) return;
          filled += 1;
          const action = byCell.get(`${index + 2}|${header![i + 1]}`);
          assert.ok(action, `${file} row ${index + 2} ${header![i + 1]}: "${cell}" gave no action`);
          assert.equal(action.participant, cells[0]);
          assert.deepEqual({ kind: action.kind, date: action.date }, expected(cell, header![i + 1]!), `${file} row ${index + 2}: "${cell}"`);
        });
      });
      assert.equal(table.actions.length, filled);
      const unknown = table.participants.filter((p) => resolver.resolve(p.name) === null).map((p) => `${p.name} (row ${p.row})`);
      assert.deepEqual(unknown, []);
    });
  }

  test('a few actions as the UNTC shows them', () => {
    const read = (file: string) => parseStatusTable(readFileSync(join(FOLDER, 'treaties', file), 'utf8'), file);
    const find = (file: string, participant: string) =>
      read(file)
        .actions.filter((a) => a.participant === participant)
        .map((a) => `${a.kind} ${a.date}`);
    assert.deepEqual(find('4-4.csv', 'Afghanistan'), ['accession 1983-01-24']);
    assert.deepEqual(find('4-15.csv', 'European Union'), ['signature 2007-03-30', 'formal-confirmation 2010-12-23']);
    assert.deepEqual(resolver.resolve('European Union'), { kind: 'organization', id: 'eu' });
    assert.deepEqual(resolver.resolve('State of Palestine'), { kind: 'state', iso3: 'PSE' });
  });

  test('every declaration file is read into texts of known participants', () => {
    const files = readdirSync(join(FOLDER, 'declarations')).filter((f) => f.endsWith('.txt'));
    assert.equal(files.length, 24);
    for (const file of files) {
      const text = readFileSync(join(FOLDER, 'declarations', file), 'utf8');
      const { texts } = parseDeclarations(text, file);
      const blocks = text.split(/\r?\n/).filter((line) => line.startsWith('#')).length;
      assert.ok(texts.length > 0 && texts.length <= blocks, `${file}: ${texts.length} of ${blocks} blocks`);
      const unknown = texts.filter((t) => resolver.resolve(t.participant) === null).map((t) => `${t.participant} (line ${t.row})`);
      assert.deepEqual(unknown, [], file);
    }
  });
});
