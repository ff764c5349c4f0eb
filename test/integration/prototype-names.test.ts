// Names of JavaScript's built-in object members (__proto__, constructor, toString…) given as
// input: refused or handled like any other unknown name, never a 500. Lookups by a name the
// user chose must only see the table's own keys.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importAll } from '../../src/importers/all.ts';
import { importCowIgo } from '../../src/importers/cow-igo/import.ts';
import { importCsvWithMapping } from '../../src/importers/csv-mapping/import.ts';
import { importUntcYears } from '../../src/importers/untc-years/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { seededApp, type TestApp } from '../support/app.ts';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

for (const dialect of testDialects()) {
  describe(`prototype names in requests on ${dialect}`, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
    });
    after(() => t.db.drop());

    test('every list route refuses them as a sort key, naming the sort parameter', async () => {
      const doc = (await t.get('/api/v1/openapi.json')).body;
      const lists = Object.entries(doc.paths as Record<string, any>)
        .filter(([, item]) => (item.get?.parameters ?? []).some((p: any) => p.name === 'sort'))
        .map(([path]) => path.replace('{id}', 'coe').replace('{iso3}', 'FRA').replace('{code}', 'ICCPR'));
      assert.ok(lists.length >= 12, `${lists.length} list routes: ${lists.join(' ')}`);
      for (const path of lists) {
        for (const name of PROTOTYPE_NAMES) {
          for (const sort of [name, `-${name}`, `name,${name}`]) {
            const url = `${path}?sort=${encodeURIComponent(sort)}${path.endsWith('/search') ? '&q=fr' : ''}`;
            const { status, body } = await t.get(url);
            assert.equal(status, 400, `${url} → ${status}`);
            assert.equal(body.error.code, 'validation_failed', url);
            assert.ok(
              body.error.details.some((d: any) => d.parameter === 'sort'),
              url,
            );
          }
        }
      }
      assert.deepEqual(serverErrors, []);
    });

    test('the API docs serve none of them as a file', async () => {
      for (const name of PROTOTYPE_NAMES) {
        const response = await t.app.request(`/api/docs/${encodeURIComponent(name)}`);
        assert.equal(response.status, 404, name);
      }
      assert.deepEqual(serverErrors, []);
    });
  });

  describe(`prototype names in imported files on ${dialect}`, () => {
    let database: TestDb;
    let work: string;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
      work = mkdtempSync(join(tmpdir(), 'accord-proto-'));
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

    test('csv with a mapping: a status cell named like an inherited member is not a mapped value', async () => {
      const mapping = write(
        'status.mapping.json',
        JSON.stringify({
          name: 'proto-status',
          instrument: 'ACHR',
          source: { title: 'A test table', url: 'https://example.org/t', retrieved: '2026-01-01', kind: 'secondary' },
          participant: { iso3: 'iso3' },
          snapshot: { column: 'status', values: { party: 'party' } },
        }),
      );
      const table = write('status.csv', `${['iso3,status', 'MEX,party', ...PROTOTYPE_NAMES.map((n) => `ARG,${n}`)].join('\n')}\n`);
      const report = await importCsvWithMapping(database.db, table, mapping);
      assert.deepEqual(
        report.problems.map((p) => `${p.file} ${p.row} ${p.field}`),
        PROTOTYPE_NAMES.map((_, i) => `status.csv ${i + 3} status`),
      );
      assert.ok(
        report.problems.every((p) => /is not one of the mapped values: party$/.test(p.reason)),
        report.problems.map((p) => p.reason).join('\n'),
      );
      assert.equal(report.files[0]?.status, 'rejected');
    });

    test('csv with a mapping: columns headed __proto__, constructor and toString are read like any other', async () => {
      const mapping = write(
        'columns.mapping.json',
        JSON.stringify({
          name: 'proto-columns',
          instrument: 'ACHR',
          source: { title: 'A test table', url: 'https://example.org/t', retrieved: '2026-01-01', kind: 'secondary' },
          participant: { iso3: '__proto__' },
          participantName: 'toString',
          events: [{ kind: 'ratification', date: 'constructor', effective: 'valueOf' }],
        }),
      );
      const table = write('columns.csv', '__proto__,constructor,toString,valueOf\nMEX,1981-03-24,Mexico,1981-04-24\nARG,1984-09-05,Argentina,\n');
      const report = await importCsvWithMapping(database.db, table, mapping);
      assert.deepEqual(report.problems, []);
      assert.equal(report.files[0]?.status, 'imported');
      const acts = await database.db
        .selectFrom('treaty_action')
        .select(['participant_id', 'participant_name', 'kind', 'date', 'effective', 'column'])
        .where('dataset_id', '=', 'csv:proto-columns')
        .orderBy('row')
        .execute();
      assert.deepEqual(acts, [
        { participant_id: 'MEX', participant_name: 'Mexico', kind: 'ratification', date: '1981-03-24', effective: '1981-04-24', column: 'constructor' },
        { participant_id: 'ARG', participant_name: 'Argentina', kind: 'ratification', date: '1984-09-05', effective: null, column: 'constructor' },
      ]);
    });

    test('csv with a mapping: a column the table lacks is missing, whatever its name', async () => {
      const mapping = write(
        'absent.mapping.json',
        JSON.stringify({
          name: 'proto-absent',
          instrument: 'ACHR',
          source: { title: 'A test table', url: 'https://example.org/t', retrieved: '2026-01-01', kind: 'secondary' },
          participant: { iso3: 'iso3' },
          events: [
            { kind: 'ratification', date: 'constructor' },
            { kind: 'signature', date: '__proto__' },
          ],
        }),
      );
      const table = write('absent.csv', 'iso3,date\nMEX,1981-03-24\n');
      const report = await importCsvWithMapping(database.db, table, mapping);
      assert.deepEqual(
        report.problems.map((p) => `${p.file} ${p.row} ${p.field} ${p.reason}`),
        ['absent.csv 1 constructor column named in the mapping is missing', 'absent.csv 1 __proto__ column named in the mapping is missing'],
      );
    });

    test('untc-years: a file named for an inherited member is no known table; such a status cell is refused by row', async () => {
      for (const name of ['constructor', '__proto__', 'tostring', 'valueof']) {
        const folder = join(work, `years-${name}`);
        write(`years-${name}/hr_status_${name}.csv`, 'iso2,member,state party,year ratification or accession,signatory,no action,status\n');
        await assert.rejects(
          importUntcYears(database.db, folder),
          (e: ValidationError) => e instanceof ValidationError && e.details[0]?.file === `hr_status_${name}.csv` && /not a known year-level status table/.test(e.message),
        );
      }
      const header = 'iso2,member,state party,year ratification or accession,signatory,no action,status';
      const table = write('years/hr_status_iccpr.csv', `${[header, 'FR,France,1,1980,0,0,state party', ...PROTOTYPE_NAMES.map((n) => `DE,Germany,1,1973,0,0,${n}`)].join('\n')}\n`);
      write('years/constructor', 'not a table\n');
      write('years/__proto__', 'not a table\n');
      const report = await importUntcYears(database.db, join(work, 'years'));
      assert.deepEqual(
        report.problems.map((p) => `${p.file} ${p.row} ${p.field}`),
        PROTOTYPE_NAMES.map((_, i) => `hr_status_iccpr.csv ${i + 3} status`),
      );
      assert.deepEqual(report.skipped, [], 'files named like inherited members are not the stacked copy');
      assert.ok(table);
    });

    test('cow-igo: a status cell named like an inherited member says nothing, as any unknown code', async () => {
      const folder = join(work, 'cow');
      const rows = ['1950,1', '1951,1', ...PROTOTYPE_NAMES.map((n, i) => `${1952 + i},${n}`)];
      write(
        'cow/derived/state_year_regional_igos.csv',
        `${[
          'ccode,year,state,coe,oau,au,oas,loas',
          ...rows.map((r) => {
            const [year, coe] = r.split(',');
            return `220,${year},France,${coe},-1,-1,-1,-1`;
          }),
        ].join('\n')}\n`,
      );
      const report = await importCowIgo(database.db, folder);
      assert.deepEqual(report.problems, []);
      const spans = await database.db.selectFrom('membership_snapshot').select(['organization_id', 'iso3', 'status', 'from_year', 'to_year']).where('iso3', '=', 'FRA').execute();
      assert.deepEqual(
        spans.map((s) => `${s.organization_id} ${s.status} ${s.from_year}-${s.to_year}`),
        ['coe member 1950-1951'],
      );
    });

    test('import all: files named like inherited members are skipped with a reason, or refused naming the file', async () => {
      const root = join(work, 'all');
      write('all/regional-hr-transcribed/constructor.csv', 'a\n1\n');
      write('all/regional-hr-transcribed/__proto__.csv', 'a\n1\n');
      write('all/constructor/readme.txt', 'nothing to import\n');
      const report = await importAll(database.db, root);
      const skipped = new Map(report.skipped.map((s) => [s.path, s.reason]));
      assert.ok(report.skipped.every((s) => typeof s.reason === 'string'));
      assert.match(skipped.get('regional-hr-transcribed/constructor.csv') ?? '', /no column mapping/);
      assert.match(skipped.get('regional-hr-transcribed/__proto__.csv') ?? '', /no column mapping/);
      assert.match(skipped.get('constructor') ?? '', /no importer recognises it/);
      write('all/years/hr_status_constructor.csv', 'iso2\n');
      await assert.rejects(importAll(database.db, root), (e: ValidationError) => e.details[0]?.file === 'hr_status_constructor.csv');
    });
  });
}
