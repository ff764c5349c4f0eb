// OHCHR field presences as dated records (issue 14, item 4), on each database: migration 019
// turns the undated list of States into coverage periods from the opening date (an unknown
// opening stays unknown); an OHCHR editor enters and corrects periods (an organization's or
// State's editor may not); bad dates, an end before its start and an unknown State are refused
// naming the field, and nothing is stored; the list at a date gives the States covered then; a
// correction of a shipped period keeps the shipped value, and a re-seed keeps the correction.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import type { SignedInUser } from '../../src/modules/access/principal.ts';
import { userContext } from '../../src/modules/audit/context.ts';
import { listPresenceViews, presenceView } from '../../src/modules/presences/service.ts';
import { createCoveragePeriod, updateCoveragePeriod } from '../../src/modules/presences/write.ts';
import { stateProfile } from '../../src/modules/states/service.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { ForbiddenError, ValidationError } from '../../src/shared/errors.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { EUROPE_COVERS_BELGIUM } from '../support/registry-requests.ts';

const user = (grants: SignedInUser['grants']): SignedInUser => ({ kind: 'user', userId: 'u1', email: 'u1@example.org', displayName: 'U', lang: 'en', grants, via: 'session' });
const ohchr = userContext(user([{ role: 'ohchr-editor', scope: null }]), 'p1');
const stateEditor = userContext(user([{ role: 'state-editor', scope: 'state:BEL' }]), 'p2');

const fieldsOf = (error: unknown) => (error as ValidationError).details.map((d) => d.field).join();

for (const dialect of testDialects()) {
  describe(`presences as dated records on ${dialect}`, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
    });
    after(async () => {
      await database?.drop();
    });

    test('migration 019: each listed State becomes a period from the opening, an unknown opening stays unknown', async () => {
      const db = database.db as unknown as Kysely<any>;
      await migrateTo(db, '017_follow_up_withdrawal');
      await db.insertInto('source').values({ id: 's1', title: 't', url: 'https://example.org', retrieved: '2015-03-14' }).execute();
      for (const iso3 of ['KGZ', 'KAZ', 'THA'])
        await db
          .insertInto('state')
          .values({ iso3, iso2: iso3.slice(0, 2), m49: '1', un_status: 'member', sources: '[]', statehood_sources: '[]' })
          .execute();
      await db
        .insertInto('presence')
        .values([
          { id: 'ro-central-asia', kind: 'regional-office', opened: '2008', closed: null, unverified: '[]', sources: '["s1"]' },
          { id: 'ro-south-east-asia', kind: 'regional-office', opened: null, closed: null, unverified: '[]', sources: '["s1"]' },
        ])
        .execute();
      await db
        .insertInto('presence_state')
        .values([
          { presence_id: 'ro-central-asia', iso3: 'KGZ' },
          { presence_id: 'ro-central-asia', iso3: 'KAZ' },
          { presence_id: 'ro-south-east-asia', iso3: 'THA' },
        ])
        .execute();
      await migrateToLatest(db);
      const periods = await db.selectFrom('presence_coverage').selectAll().orderBy('presence_id').orderBy('seq').execute();
      assert.deepEqual(
        periods.map((p: any) => [p.presence_id, p.seq, p.iso3, p.from_date, p.until_date, p.sources, p.origin, p.row_version]),
        [
          ['ro-central-asia', 1, 'KAZ', '2008', null, '["s1"]', 'reference', 1],
          ['ro-central-asia', 2, 'KGZ', '2008', null, '["s1"]', 'reference', 1],
          ['ro-south-east-asia', 1, 'THA', null, null, '["s1"]', 'reference', 1],
        ],
      );
      const presence = await db.selectFrom('presence').selectAll().where('id', '=', 'ro-central-asia').executeTakeFirstOrThrow();
      assert.deepEqual([presence.origin, presence.corrections, presence.confidentiality, presence.audience, presence.row_version], ['reference', '{}', 'public', '[]', 1]);
      // Down and up again: the undated list comes back from the shipped periods.
      await migrateTo(db, '017_follow_up_withdrawal');
      assert.equal((await db.selectFrom('presence_state').selectAll().execute()).length, 3);
      await migrateToLatest(db);
      await db.deleteFrom('presence_coverage').execute();
      await db.deleteFrom('presence').execute();
      await db.deleteFrom('state').execute();
      await db.deleteFrom('source').execute();
    });

    test('the seed gives every shipped presence its periods; the list at a date gives the States covered then', async () => {
      await seedReferenceData(database.db, loadReferenceData(), { force: true });
      const at = async (day: string) => (await listPresenceViews(database.db, 'en', day)).find((p) => p.id === 'ro-central-asia')!;
      assert.deepEqual((await at('2007-06-30')).covers, [], 'before the office opened in 2008');
      assert.equal((await at('2007-06-30')).open, false);
      const in2008 = await at('2008-06-30');
      assert.deepEqual(in2008.covers, ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB']);
      assert.ok(
        in2008.coverage.every((c) => c.uncertain),
        'opened "2008": uncertain inside the year',
      );
      assert.ok((await at('2009-01-01')).coverage.every((c) => !c.uncertain));
      const europe = await presenceView(database.db, 'ro-europe', 'en', '2026-01-01');
      assert.deepEqual(europe.periods, [], 'the shipped data list no State for the Regional Office for Europe');
    });

    test('an OHCHR editor enters a period; the map at a date before and after shows the change', async () => {
      await assert.rejects(createCoveragePeriod(database.db, { ...EUROPE_COVERS_BELGIUM, presenceId: 'ro-europe' }, stateEditor), ForbiddenError, "a State's editor does not speak for OHCHR");
      const made = await createCoveragePeriod(database.db, { ...EUROPE_COVERS_BELGIUM, presenceId: 'ro-europe' }, ohchr);
      assert.equal(made.seq, 1001);
      const covers = async (day: string) => (await listPresenceViews(database.db, 'en', day)).find((p) => p.id === 'ro-europe')!.covers;
      assert.deepEqual(await covers('2008-12-31'), []);
      assert.deepEqual(await covers('2010-01-01'), ['BEL']);
      const belgium = await stateProfile(database.db, 'BEL', 'en', '2010-01-01');
      assert.deepEqual(
        belgium.presences.map((p) => [p.id, p.from, p.uncertain]),
        [['ro-europe', '2009', false]],
      );
      assert.deepEqual((await stateProfile(database.db, 'BEL', 'en', '2008-01-01')).presences, []);
    });

    test('a bad date, an end before its start, an unknown State: 400 naming the field, nothing stored', async () => {
      const before = (await presenceView(database.db, 'ro-europe', 'en', '2026-01-01')).periods.length;
      const refused = async (body: Record<string, unknown>, field: string) => {
        const error = await createCoveragePeriod(database.db, { ...EUROPE_COVERS_BELGIUM, ...body, presenceId: 'ro-europe' } as never, ohchr).catch((e) => e);
        assert.ok(error instanceof ValidationError, `${JSON.stringify(body)} refused`);
        assert.equal(fieldsOf(error), field);
      };
      await refused({ from: '2009-02-30' }, 'from');
      await refused({ until: '2008' }, 'until');
      await refused({ until: '2009-01-01' }, 'until');
      await refused({ iso3: 'XXX' }, 'iso3');
      await refused({ iso3: 'bel' }, 'iso3');
      assert.equal((await presenceView(database.db, 'ro-europe', 'en', '2026-01-01')).periods.length, before);
    });

    test('a correction of a shipped period keeps the shipped value and its sources, and outlives a re-seed', async () => {
      const view = () => presenceView(database.db, 'ro-north-africa', 'en', '2026-01-01');
      const tunisia = (await view()).periods.find((p) => p.iso3 === 'TUN')!;
      assert.equal(tunisia.from, '2012');
      const note = 'the office was temporarily located in Beirut from April 2013';
      await updateCoveragePeriod(database.db, { presenceId: 'ro-north-africa', seq: tunisia.seq, note, source: 'pres-ohchr-ro-north-africa', expectedVersion: tunisia.version }, ohchr);
      await seedReferenceData(database.db, loadReferenceData(), { force: true });
      const corrected = (await view()).periods.find((p) => p.iso3 === 'TUN')!;
      assert.equal(corrected.note, note);
      assert.equal(corrected.seq, tunisia.seq);
      assert.deepEqual(
        corrected.corrections.map((c) => [c.field, c.value, c.overridden.value, c.overridden.sources.length > 0]),
        [['note', note, null, true]],
      );
      assert.equal((await view()).periods.filter((p) => p.iso3 === 'TUN').length, 1, 'the seed adds no second period for the State');
      const europe = await presenceView(database.db, 'ro-europe', 'en', '2026-01-01');
      assert.deepEqual(
        europe.periods.map((p) => [p.iso3, p.origin]),
        [['BEL', 'user']],
        "the user's period outlives the re-seed",
      );
    });
  });
}
