// Accord's CSV template of recommendations and decisions (docs/templates/recommendations.csv),
// on each database: a file stored with the source the command line names, each row read as
// written (States by code or name, dates as precise as given, text in its language); a file with
// bad rows stores nothing and names each row, column and reason; a file without its source is
// refused before it is read. The texts are written for this test, marked "(test)".
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importRecommendationTemplate } from '../../src/importers/recommendations-csv/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

const HEADER = 'mechanism,kind,state,date,document_symbol,paragraph,text,language,response,themes,cycle,session';
const SOURCE = { title: 'Concluding observations copied for a test (test)', url: 'https://example.org/test-observations', kind: 'official' };

function file(name: string, lines: string[]): string {
  const path = join(tmpdir(), `accord-template-${process.pid}-${name}.csv`);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

for (const dialect of testDialects()) {
  describe(`the recommendations template on ${dialect}`, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => {
      await database?.drop();
    });
    const db = () => database.db;

    test('rows stored as written, with the source the command line names', async () => {
      const path = file('good', [
        'CAT,recommendation,KEN,2013-06,CAT/C/KEN/CO/2,12,Establish an independent mechanism to investigate complaints (test),en,,Torture;Detention,,',
        'CRC,,Kenya,2016,CRC/C/KEN/CO/3-5,30,تعزيز حماية الأطفال (test),ar,pending,Children,,',
        'ACHPR-COMM,decision,KEN,2009-11-25,,,"Decision on a communication, quoted for a test (test)",en,,,,',
      ]);
      const report = await importRecommendationTemplate(db(), path, SOURCE);
      assert.deepEqual(
        report.files.map((f) => [f.status, f.stored, f.rejected]),
        [['imported', 3, 0]],
      );
      const rows = await db().selectFrom('recommendation').selectAll().where('dataset_id', 'like', 'recommendations:%').orderBy('source_row').execute();
      assert.deepEqual(
        rows.map((r) => [r.mechanism, r.kind, r.state_iso3, r.date, r.text_lang, r.response]),
        [
          ['CAT', 'recommendation', 'KEN', '2013-06', 'en', null],
          ['CRC', 'recommendation', 'KEN', '2016', 'ar', 'pending'],
          ['ACHPR-COMM', 'decision', 'KEN', '2009-11-25', 'en', null],
        ],
      );
      assert.equal(rows[0]!.document_symbol, 'CAT/C/KEN/CO/2, para. 12');
      assert.deepEqual(JSON.parse(rows[0]!.themes_source), ['Torture', 'Detention']);
      const source = await db().selectFrom('source').selectAll().where('id', '=', rows[0]!.source_id).executeTakeFirstOrThrow();
      assert.deepEqual([source.title, source.url, source.kind], [SOURCE.title, SOURCE.url, SOURCE.kind]);
      const again = await importRecommendationTemplate(db(), path, SOURCE);
      assert.equal(again.files[0]!.status, 'unchanged');
    });

    test('bad rows: nothing stored, each named by row, column and reason', async () => {
      const path = file('bad', ['XYZ,recommendation,KEN,2013,,,Text (test),en,,,,', 'CAT,opinion,Atlantis,2999-01-01,,,,xx,maybe,,one,']);
      const report = await importRecommendationTemplate(db(), path, SOURCE);
      assert.equal(report.files[0]!.status, 'rejected');
      assert.match(report.problems.at(-1)!.reason, /no valid row/);
      assert.deepEqual(
        report.problems.filter((p) => p.row !== undefined).map((p) => `${p.row} ${p.field}`),
        ['2 mechanism', '3 kind', '3 state', '3 date', '3 text', '3 language', '3 response', '3 cycle'],
      );
      const stored = await db().selectFrom('recommendation').select('id').where('dataset_id', '=', 'recommendations:accord-template-bad').execute();
      assert.equal(stored.length, 0);
    });

    test('a file without its source is refused before it is read', async () => {
      await assert.rejects(
        importRecommendationTemplate(db(), file('nosource', []), { title: '', url: 'javascript:alert(1)', kind: 'blog' }),
        (e) => e instanceof ValidationError && e.details.map((d) => d.field).join() === 'source-title,source-url,source-kind',
      );
    });
  });
}
