// Official names imported by a user, on each database: UNSD M49 region names in six
// languages (`accord import m49-names`), beside UNTERM State names, and what the API shows.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importM49Names } from '../../src/importers/m49-names/import.ts';
import { importUntermNames } from '../../src/importers/unterm-names/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const M49_FOLDER = sharedDataPath('country-codes-datahub', 'unsd-m49-6lang');
const UNTERM_FILE = sharedDataPath('country-codes-datahub', 'country-codes.csv');

const HEADER = [
  'Global Code',
  'Global Name',
  'Region Code',
  'Region Name',
  'Sub-region Code',
  'Sub-region Name',
  'Intermediate Region Code',
  'Intermediate Region Name',
  'Country or Area',
  'M49 Code',
  'ISO-alpha2 Code',
  'ISO-alpha3 Code',
  'Least Developed Countries (LDC)',
  'Land Locked Developing Countries (LLDC)',
  'Small Island Developing States (SIDS)',
];
const FILE_LANG = { ar: 'ar', cn: 'zh', en: 'en', es: 'es', fr: 'fr', ru: 'ru' } as const;
const EN: Record<string, string> = {
  '150': 'Europe',
  '155': 'Western Europe',
  '154': 'Northern Europe',
  '830': 'Channel Islands',
  '019': 'Americas',
  '419': 'Latin America and the Caribbean',
  '005': 'South America',
};
/** Region chains of a few rows: FRA and DEU (States), JEY (a territory in the Channel Islands, 830, which the registry lacks). */
const ROWS: [string, string, string, string, string][] = [
  ['150', '155', '', 'FRA', '250'],
  ['150', '155', '', 'DEU', '276'],
  ['019', '419', '005', 'BRA', '076'],
  ['150', '154', '830', 'JEY', '832'],
];

/** A small folder in the UNSD layout; names are "<English> (<lang>)" except in English. */
function writeFolder(dir: string): void {
  for (const [suffix, lang] of Object.entries(FILE_LANG)) {
    const name = (code: string) => (code ? (lang === 'en' ? EN[code] : `${EN[code]} (${lang})`) : '');
    const lines = [HEADER, ...ROWS.map(([r, s, i, iso3, m49]) => ['001', 'World', r, name(r), s, name(s), i, name(i), iso3, m49, '', iso3, '', '', ''])];
    writeFileSync(join(dir, `UNSD-${suffix}.csv`), `${lines.map((l) => l.map((v) => `"${v}"`).join(',')).join('\n')}\n`);
  }
}

for (const dialect of testDialects()) {
  describe(`official names on ${dialect}`, () => {
    let t: TestApp;
    let dir: string;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
      dir = mkdtempSync(join(tmpdir(), 'accord-m49-'));
    });
    after(async () => {
      await t.db.drop();
      rmSync(dir, { recursive: true, force: true });
      assert.deepEqual(serverErrors, [], 'no request may cause a server error');
    });

    /** Everything an import may touch: names, sources, the topics' versions. */
    const snapshot = async () => ({
      names: await t.db.db.selectFrom('entity_name').selectAll().orderBy('entity_kind').orderBy('entity_id').orderBy('lang').orderBy('kind').orderBy('priority').orderBy('value').execute(),
      sources: await t.db.db.selectFrom('source').selectAll().orderBy('id').execute(),
      meta: await t.db.db.selectFrom('meta').selectAll().orderBy('key').execute(),
      topics: await t.db.db.selectFrom('topic_version').selectAll().orderBy('topic').execute(),
      audit: await t.db.db.selectFrom('audit_record').selectAll().orderBy('id').execute(),
    });
    const officialCount = async (kind: string) =>
      Number(
        (
          await t.db.db
            .selectFrom('entity_name')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('priority', '=', 2)
            .where('entity_kind', '=', kind)
            .executeTakeFirstOrThrow()
        ).n,
      );

    /** Runs an import that must fail; returns its error, and checks the database (names of an earlier import included) is unchanged. */
    async function refused(folder: string): Promise<ValidationError> {
      const before = await snapshot();
      const error = await importM49Names(t.db.db, folder).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${error}`);
      assert.deepEqual(await snapshot(), before, 'a refused import changes nothing');
      return error;
    }

    const folderWith = (name: string, change?: (folder: string) => void): string => {
      const folder = mkdtempSync(join(dir, `${name}-`));
      writeFolder(folder);
      change?.(folder);
      return folder;
    };

    test('m49-names: a small folder is stored, codes the registry lacks are reported, not stored', async () => {
      const report = await importM49Names(t.db.db, folderWith('small'));
      assert.deepEqual(report.skipped, [{ code: '830', name: 'Channel Islands' }]);
      // Names come from the rows of the registry's States: Northern Europe (154) is only in the Jersey row here.
      assert.equal(report.regions, 5);
      assert.deepEqual(report.names, { ar: 5, en: 5, es: 5, fr: 5, ru: 5, zh: 5 });
      const stored = await t.db.db.selectFrom('entity_name').select('entity_id').where('entity_kind', '=', 'region').where('entity_id', '=', '830').execute();
      assert.deepEqual(stored, []);
      const source = await t.db.db.selectFrom('source').selectAll().where('id', '=', 'import-unsd-m49').executeTakeFirstOrThrow();
      assert.match(source.title, /UNSD M49.*small-/);
      assert.equal(source.url, 'https://unstats.un.org/unsd/methodology/m49/');
      const zh = (await t.get('/api/v1/states/FRA?lang=zh')).body;
      assert.equal(zh.subregion.name, 'Western Europe (zh)');
    });

    test('m49-names: a folder missing a file is refused naming the file', async () => {
      const folder = folderWith('missing', (f) => unlinkSync(join(f, 'UNSD-ru.csv')));
      const error = await refused(folder);
      assert.match(error.message, /lacks UNSD-ru\.csv/);
      assert.deepEqual(error.details, [{ file: 'UNSD-ru.csv', reason: 'not found' }]);
      assert.match((await refused(join(dir, 'no-such-folder'))).message, /no such folder/);
    });

    test('m49-names: a file that is not UTF-8 is refused naming file and row', async () => {
      const folder = folderWith('latin1', (f) => {
        const lines = ['"Region Code","Region Name","Sub-region Code","Sub-region Name","Intermediate Region Code","Intermediate Region Name","ISO-alpha3 Code"'];
        writeFileSync(
          join(f, 'UNSD-fr.csv'),
          Buffer.concat([Buffer.from(`${lines[0]}\n"150","Europe","155","Europe occidentale","","","FRA"\n"150","Europe","155","`), Buffer.from([0xc9]), Buffer.from('urope","","","DEU"\n')]),
        );
      });
      const error = await refused(folder);
      assert.match(error.message, /UNSD-fr\.csv is not UTF-8/);
      assert.deepEqual(error.details, [{ file: 'UNSD-fr.csv', row: 3, reason: 'invalid UTF-8 byte sequence' }]);
    });

    test('m49-names: a file with a missing column is refused naming the column', async () => {
      const folder = folderWith('column', (f) => {
        const lines = [HEADER.filter((h) => h !== 'Sub-region Name'), ['001', 'Monde', '150', 'Europe', '155', '', '', 'France', '250', 'FR', 'FRA', '', '', '']];
        writeFileSync(join(f, 'UNSD-es.csv'), `${lines.map((l) => l.join(',')).join('\n')}\n`);
      });
      const error = await refused(folder);
      assert.match(error.message, /UNSD-es\.csv does not have the UNSD M49 columns/);
      assert.deepEqual(error.details, [{ file: 'UNSD-es.csv', row: 1, field: 'Sub-region Name', reason: 'column missing' }]);
    });

    test('m49-names: a malformed CSV, two names for one code, or a bad code are refused naming file, row and field', async () => {
      const ragged = folderWith('ragged', (f) => writeFileSync(join(f, 'UNSD-ar.csv'), `${HEADER.join(',')}\n001,World,150\n`));
      const raggedError = await refused(ragged);
      assert.match(raggedError.message, /UNSD-ar\.csv is not a valid CSV file/);
      assert.equal(raggedError.details[0]?.row, 2);

      const twoNames = folderWith('two-names', (f) => {
        const row = ['001', 'Monde', '150', 'Europe', '155', 'Europe de l’Ouest', '', '', 'Belgique', '056', 'BE', 'BEL', '', '', ''];
        writeFileSync(join(f, 'UNSD-fr.csv'), `${HEADER.join(',')}\n001,Monde,150,Europe,155,Europe occidentale,,,France,250,FR,FRA,,,\n${row.join(',')}\n`);
      });
      const twoNamesError = await refused(twoNames);
      assert.deepEqual(twoNamesError.details, [{ file: 'UNSD-fr.csv', row: 3, field: 'Sub-region Name', reason: 'code 155 is "Europe de l’Ouest" here but "Europe occidentale" in row 2' }]);

      const badCode = folderWith('bad-code', (f) => writeFileSync(join(f, 'UNSD-en.csv'), `\uFEFF${HEADER.join(',')}\n001,World,Europe,150,155,Western Europe,,,France,250,FR,FRA,,,\n`));
      const badCodeError = await refused(badCode);
      assert.deepEqual(
        badCodeError.details.map((p) => [p.file, p.row, p.field]),
        [['UNSD-en.csv', 2, 'Region Code']],
      );
    });

    test('m49-names: the shared UNSD tables, twice; the API shows the names in each language', { skip: skipWithoutSharedData() }, async () => {
      const report = await importM49Names(t.db.db, M49_FOLDER);
      assert.equal(report.regions, 29, 'every region of the registry is named');
      assert.deepEqual(report.names, { ar: 29, en: 29, es: 29, fr: 29, ru: 29, zh: 29 });
      const once = await snapshot();
      const again = await importM49Names(t.db.db, M49_FOLDER);
      assert.deepEqual(again, report);
      const twice = await snapshot();
      assert.deepEqual(twice.names, once.names, 'importing the same folder again stores the same names');
      assert.deepEqual(twice.sources, once.sources);
      // The answers cached from the small folder's names refresh on the next request.

      const fr = (await t.get('/api/v1/states/FRA?lang=fr')).body;
      assert.deepEqual([fr.region.name, fr.subregion.name, fr.intermediateRegion], ['Europe', 'Europe occidentale', null]);
      const zh = (await t.get('/api/v1/states/FRA?lang=zh')).body;
      assert.deepEqual([zh.region.name, zh.subregion.name], ['欧洲', '西欧']);
      const ar = (await t.get('/api/v1/states?lang=ar&limit=1000')).body.items as any[];
      for (const s of ar) {
        for (const r of [s.region, s.subregion, s.intermediateRegion].filter(Boolean)) assert.match(r.name, /\p{Script=Arabic}/u, `${s.iso3} ${r.code}`);
      }
      const bra = ar.find((s) => s.iso3 === 'BRA');
      assert.equal(bra.intermediateRegion.code, '005');
      const es = (await t.get('/api/v1/states/BRA?lang=es')).body;
      assert.equal(es.intermediateRegion.name, 'América del Sur');
      const en = (await t.get('/api/v1/states/FRA')).body;
      assert.equal(en.subregion.name, 'Western Europe');
    });

    test('UNTERM and M49 imports do not erase each other', { skip: skipWithoutSharedData() }, async () => {
      await importUntermNames(t.db.db, UNTERM_FILE);
      const states = await officialCount('state');
      assert.ok(states > 1000);
      await importM49Names(t.db.db, M49_FOLDER);
      assert.equal(await officialCount('state'), states, 'the M49 import keeps the UNTERM names');
      const regions = await officialCount('region');
      assert.equal(regions, 29 * 6);
      await importUntermNames(t.db.db, UNTERM_FILE);
      assert.equal(await officialCount('region'), regions, 'the UNTERM import keeps the M49 names');
      const fra = (await t.get('/api/v1/states/BOL?lang=fr')).body;
      assert.equal(fra.name, 'Bolivie (État plurinational de)');
      assert.equal(fra.region.name, 'Amériques');
    });

    test('reloading the reference data keeps imported names and their sources', { skip: skipWithoutSharedData() }, async () => {
      await importM49Names(t.db.db, M49_FOLDER);
      const regions = await officialCount('region');
      assert.equal(await seedReferenceData(t.db.db, loadReferenceData(), { force: true }), 'loaded');
      assert.equal(await officialCount('region'), regions);
      const ids = (await t.db.db.selectFrom('source').select('id').where('id', 'in', ['import-unsd-m49', 'import-unterm']).execute()).map((r) => r.id).sort();
      assert.deepEqual(ids, ['import-unsd-m49', 'import-unterm'], 'the sources of imported names stay');
    });
  });
}
