// Names corrected through the write path, language by language, on each database: a name the
// shipped data lack is added; a shipped name is overridden and both stay visible, with their
// sources, until the correction is set back; a re-seed keeps the correction; English and shipped
// names are never removed; each change is one audit record, raises the version and renews
// the topic `names`. Every name entered here is the one its (official) source gives.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemContext } from '../../src/modules/audit/context.ts';
import { auditTrail } from '../../src/modules/audit/service.ts';
import { instrumentView } from '../../src/modules/instruments/service.ts';
import { updateInstrument } from '../../src/modules/instruments/write.ts';
import { mechanismView } from '../../src/modules/mechanisms/service.ts';
import { updateMechanism } from '../../src/modules/mechanisms/write.ts';
import { readDataVersions } from '../../src/modules/meta/repository.ts';
import { searchRegistry } from '../../src/modules/search/service.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

const CLI = systemContext('test', 'name corrections test');

/** The Council of Europe's French page of the Convention: its French title. */
const ECHR_FR = {
  title: "Conseil de l'Europe, Bureau des Traités : détails du traité n° 005 (Convention de sauvegarde des droits de l'homme et des libertés fondamentales)",
  url: 'https://www.coe.int/fr/web/conventions/full-list?module=treaty-detail&treatynum=005',
  kind: 'official' as const,
  retrieved: '2026-12-06',
};
/** The Court's own site, whose press releases and case-law database abbreviate it "ECHR". */
const ECTHR_SITE = {
  title: 'European Court of Human Rights: official website (press releases numbered "ECHR …")',
  url: 'https://www.echr.coe.int/',
  kind: 'official' as const,
  retrieved: '2026-12-06',
};

const FRENCH_TITLE = "Convention de sauvegarde des droits de l'homme et des libertés fondamentales";

for (const dialect of testDialects()) {
  describe(`name corrections on ${dialect}`, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => {
      await database?.drop();
    });
    const db = () => database.db;

    test('a name the shipped data lack is added in its language, audited, and found by search', async () => {
      const before = await instrumentView(db(), 'ECHR', 'fr');
      assert.equal(before.titleLang, 'en', 'the shipped data have no French title of the ECHR');
      const topics = (await readDataVersions(db())).topics;
      const updated = await updateInstrument(db(), { code: 'ECHR', expectedVersion: before.version, title: { fr: FRENCH_TITLE }, source: ECHR_FR }, CLI);
      assert.deepEqual(updated, { changed: ['title.fr'], version: before.version + 1 });
      const after = await instrumentView(db(), 'ECHR', 'fr');
      assert.equal(after.title, FRENCH_TITLE);
      assert.equal(after.titleLang, 'fr');
      assert.equal(after.titleSource?.url, ECHR_FR.url);
      assert.equal(after.names?.title?.fr, FRENCH_TITLE);
      assert.equal(after.names?.title?.en, before.names?.title?.en, 'the English title is untouched');
      assert.equal(
        after.corrections.some((c) => c.field === 'title.fr'),
        false,
        'nothing is overridden: an added name is not a disagreement',
      );
      const [record, ...others] = await auditTrail(db(), { requestId: CLI.requestId, limit: 10 });
      assert.equal(others.length, 0);
      assert.equal(record!.useCase, 'instruments.update');
      assert.deepEqual(record!.before, { 'title.fr': null });
      assert.equal((record!.after as Record<string, unknown>)['title.fr'], FRENCH_TITLE);
      const now = (await readDataVersions(db())).topics;
      assert.notEqual(now.get('names'), topics.get('names'), 'the topic names is renewed');
      const found = await searchRegistry(db(), 'sauvegarde des droits', 'fr');
      assert.ok(
        found.some((hit) => hit.id === 'ECHR'),
        'the French title is searchable',
      );
    });

    test('a shipped name overridden: both shown with their sources; a re-seed keeps it; setting it back ends it', async () => {
      const court = await mechanismView(db(), 'ECTHR', 'en');
      assert.equal(court.acronym, 'ECtHR');
      const updated = await updateMechanism(db(), { code: 'ECTHR', expectedVersion: court.version, acronym: { en: 'ECHR' }, source: ECTHR_SITE }, CLI);
      assert.deepEqual(updated.changed, ['acronym.en']);
      const corrected = await mechanismView(db(), 'ECTHR', 'en');
      assert.equal(corrected.acronym, 'ECHR');
      const correction = corrected.corrections.find((c) => c.field === 'acronym.en');
      assert.ok(correction, 'the override is shown as a correction');
      assert.equal(correction.value, 'ECHR');
      assert.equal(correction.source?.url, ECTHR_SITE.url);
      assert.equal(correction.by, CLI.actor);
      assert.equal(correction.overridden.value, 'ECtHR');
      assert.ok(correction.overridden.sources.length > 0, 'the shipped name keeps its source');

      await seedReferenceData(db(), loadReferenceData());
      const reseeded = await mechanismView(db(), 'ECTHR', 'en');
      assert.equal(reseeded.acronym, 'ECHR', 'a re-seed keeps the correction');
      assert.equal(reseeded.corrections.find((c) => c.field === 'acronym.en')?.overridden.value, 'ECtHR');

      const back = await updateMechanism(db(), { code: 'ECTHR', expectedVersion: reseeded.version, acronym: { en: 'ECtHR' }, source: ECTHR_SITE }, CLI);
      assert.deepEqual(back.changed, ['acronym.en']);
      const ended = await mechanismView(db(), 'ECTHR', 'en');
      assert.equal(ended.acronym, 'ECtHR');
      assert.equal(
        ended.corrections.some((c) => c.field === 'acronym.en'),
        false,
      );
      const same = await updateMechanism(db(), { code: 'ECTHR', expectedVersion: ended.version, acronym: { en: 'ECtHR' }, source: ECTHR_SITE }, CLI);
      assert.deepEqual(same, { changed: [], version: ended.version }, 'the name as shown: nothing changes');
    });

    test('English and shipped names are never removed; an entered one may be', async () => {
      const echr = await instrumentView(db(), 'ECHR', 'en');
      const count = (await auditTrail(db(), { limit: 10000 })).length;
      await assert.rejects(
        updateInstrument(db(), { code: 'ECHR', expectedVersion: echr.version, title: { en: null }, source: ECHR_FR }, CLI),
        (e) => e instanceof ValidationError && e.details.map((d) => d.field).join() === 'title.en',
      );
      const achpr = await mechanismView(db(), 'ACHPR-COMM', 'en');
      assert.ok(achpr.names?.name?.fr, 'the shipped data name the Commission in French');
      await assert.rejects(
        updateMechanism(db(), { code: 'ACHPR-COMM', expectedVersion: achpr.version, name: { fr: null }, source: ECTHR_SITE }, CLI),
        (e) => e instanceof ValidationError && /reference data/.test(e.details[0]!.reason),
      );
      assert.equal((await auditTrail(db(), { limit: 10000 })).length, count, 'a refused change records nothing');
      const removed = await updateInstrument(db(), { code: 'ECHR', expectedVersion: echr.version, title: { fr: null }, source: ECHR_FR }, CLI);
      assert.deepEqual(removed.changed, ['title.fr']);
      assert.equal((await instrumentView(db(), 'ECHR', 'fr')).titleLang, 'en', 'back to the English title');
    });
  });
}
