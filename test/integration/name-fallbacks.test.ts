// Where the UNTERM list has no name for a State in a language, the name shown instead is listed
// on the data-quality answer with its source and marked on the State's profile as not official.
// The shared UNTERM copy predates the names "Côte d'Ivoire" and "Türkiye" in it: it has none for
// CIV and TUR.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importUntermNames } from '../../src/importers/unterm-names/import.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

for (const dialect of testDialects()) {
  describe(`name fallbacks on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
      await importUntermNames(t.db.db, sharedDataPath('country-codes-datahub', 'country-codes.csv'));
    });
    after(async () => {
      await t?.db.drop();
      assert.deepEqual(serverErrors, [], 'no request may cause a server error');
    });

    test('every State and language without an official name is listed, with what is shown and its source', async () => {
      const r = await t.get('/api/v1/data-quality/name-fallbacks');
      assert.equal(r.status, 200);
      const listed = new Set(r.body.items.map((i: any) => `${i.id}:${i.lang}`));
      for (const lang of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) {
        assert.ok(listed.has(`TUR:${lang}`) && listed.has(`CIV:${lang}`), lang);
        assert.ok(!listed.has(`FRA:${lang}`), `France has an official name in ${lang}`);
      }
      const tur = r.body.items.find((i: any) => i.id === 'TUR' && i.lang === 'en');
      assert.ok(tur.shown && tur.sourceId, 'the name shown instead names its source');
      assert.notEqual(r.body.sources[tur.sourceId].kind, undefined);
    });

    test('the profile marks the languages whose name is not official', async () => {
      assert.deepEqual((await t.get('/api/v1/states/TUR')).body.unofficialNames.sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
      assert.deepEqual((await t.get('/api/v1/states/FRA')).body.unofficialNames, []);
      const france = await t.get('/api/v1/states/FRA?lang=fr');
      assert.equal(france.body.name, 'France', 'the heading has no sorting article');
      assert.equal(france.body.names.fr, 'France (la)', 'the table of names keeps the official form');
    });
  });
}
