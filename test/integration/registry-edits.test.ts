// The registry edited through the write path, on each database: organizations, membership
// events, instruments, mechanisms and treaty actions created and corrected, each change with
// its source, one audit record, and the record's version; a correction shown beside the
// shipped value it overrides (and, for a treaty action, as a disagreement between sources);
// a re-seed that keeps every edit; and twenty writers naming the same version, of whom one wins.
// Every fact entered here is a real one (its source named), not in the shipped data or given
// there less precisely.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemContext, userContext } from '../../src/modules/audit/context.ts';
import { auditTrail, historyOf } from '../../src/modules/audit/service.ts';
import { createInstrument, updateInstrument } from '../../src/modules/instruments/write.ts';
import { instrumentView } from '../../src/modules/instruments/service.ts';
import { createMechanism, updateMechanism } from '../../src/modules/mechanisms/write.ts';
import { mechanismView } from '../../src/modules/mechanisms/service.ts';
import { readDataVersions } from '../../src/modules/meta/repository.ts';
import { createMembershipEvent, deleteMembershipEvent, updateMembershipEvent } from '../../src/modules/organizations/membership-write.ts';
import { organizationHistory, organizationMembers, organizationView } from '../../src/modules/organizations/service.ts';
import { createOrganization, updateOrganization } from '../../src/modules/organizations/write.ts';
import { listConflicts } from '../../src/modules/treaty-status/data-quality.ts';
import { createTreatyAction, deleteTreatyAction, enteredActionView, updateTreatyAction } from '../../src/modules/treaty-status/entered-actions.ts';
import { instrumentStatus } from '../../src/modules/treaty-status/service.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { ForbiddenError, NotFoundError, StaleVersionError, UnauthenticatedError, ValidationError, VersionRequiredError } from '../../src/shared/errors.ts';
import type { SignedInUser } from '../../src/modules/access/principal.ts';
import type { Topic } from '../../src/shared/topics.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';

const CLI = systemContext('test', 'registry edits test');

/** The fields a ValidationError names, sorted. */
const fieldsOf = (error: unknown) =>
  (error as ValidationError).details
    .map((d) => d.field)
    .sort()
    .join();

const user = (grants: SignedInUser['grants']): SignedInUser => ({ kind: 'user', userId: 'u1', email: 'u1@example.org', displayName: 'U', lang: 'en', grants, via: 'session' });

function changedTopics(before: Map<Topic, string>, after: Map<Topic, string>): Topic[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t)).sort();
}

// Sources of the facts entered below (each fact is as the source states it).
const SAHEL_SOURCE = {
  title: 'Reuters, 16 September 2023: Mali, Niger and Burkina Faso sign Sahel security pact (Liptako-Gourma Charter)',
  url: 'https://www.reuters.com/world/africa/mali-niger-burkina-faso-sign-sahel-security-pact-2023-09-16/',
  kind: 'secondary' as const,
  retrieved: '2026-01-15',
};
const COE_TREATY_210 = {
  title: 'Council of Europe Treaty Office: chart of signatures and ratifications of Treaty 210 (Istanbul Convention)',
  url: 'https://www.coe.int/en/web/conventions/full-list?module=signatures-by-treaty&treatynum=210',
  kind: 'official' as const,
  retrieved: '2026-01-15',
};
const COE_TREATY_005 = {
  title: 'Council of Europe Treaty Office: details of Treaty 005 (European Convention on Human Rights)',
  url: 'https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=005',
  kind: 'official' as const,
  retrieved: '2026-01-15',
};
const ACERWC_SITE = {
  title: 'African Committee of Experts on the Rights and Welfare of the Child: contact (Maseru, Lesotho)',
  url: 'https://www.acerwc.africa/',
  kind: 'official' as const,
  retrieved: '2026-01-15',
};
const ASEAN_SITE = {
  title: 'ASEAN Secretariat: ASEAN Convention Against Trafficking in Persons, Especially Women and Children',
  url: 'https://asean.org/',
  kind: 'official' as const,
  retrieved: '2026-01-15',
};

for (const dialect of testDialects()) {
  describe(`registry edits on ${dialect}`, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => {
      await database?.drop();
    });
    const db = () => database.db;
    const records = async () => (await auditTrail(db(), { limit: 10000 })).length;

    test('an organization created with a new source: one audit record, origin user, version 1, its names', async () => {
      const versions = await readDataVersions(db());
      const created = await createOrganization(
        db(),
        { id: 'aes', name: { en: 'Alliance of Sahel States', fr: 'Alliance des États du Sahel' }, acronym: { en: 'AES' }, kind: 'subregional', founded: '2023-09-16', source: SAHEL_SOURCE },
        CLI,
      );
      assert.deepEqual(created, { id: 'aes', version: 1 });
      const [record, ...others] = await auditTrail(db(), { requestId: CLI.requestId, limit: 10 });
      assert.equal(others.length, 0);
      assert.equal(record!.useCase, 'organizations.create');
      assert.equal(record!.action, 'create');
      assert.equal((record!.after as { founded: string }).founded, '2023-09-16');
      const view = await organizationView(db(), 'aes', 'fr', '2024-01-01');
      assert.equal(view.name, 'Alliance des États du Sahel');
      assert.equal(view.origin, 'user');
      assert.equal(view.version, 1);
      assert.deepEqual(
        view.sources.map((s) => s.url),
        [SAHEL_SOURCE.url],
      );
      assert.deepEqual(changedTopics(versions.topics, (await readDataVersions(db())).topics), ['names', 'organizations', 'sources']);
    });

    test('a create that breaks rules names every field, stores nothing; a duplicate id is a field too', async () => {
      const count = await records();
      await assert.rejects(
        createOrganization(
          db(),
          // @ts-expect-error: the kind is not one of the vocabulary's, as an HTTP body may say
          { id: 'AES!', name: { en: '' }, kind: 'global', website: 'javascript:alert(1)', hqIso3: 'XXX', confidentiality: 'restricted', source: { ...SAHEL_SOURCE, url: 'file:///etc/passwd' } },
          CLI,
        ),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'id,kind,name.en,source.url,website',
      );
      await assert.rejects(
        createOrganization(db(), { id: 'aes2', name: { en: 'X' }, kind: 'regional', hqIso3: 'XXX', confidentiality: 'restricted', audience: ['organization:nope'], source: 'no-such-source' }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'audience.0,hqIso3,source',
      );
      await assert.rejects(
        createOrganization(db(), { id: 'aes3', name: { en: 'X' }, kind: 'regional', confidentiality: 'restricted', source: 'pkg-i18n-iso-countries' }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'audience',
      );
      await assert.rejects(
        createOrganization(db(), { id: 'au', name: { en: 'X' }, kind: 'regional', source: 'pkg-i18n-iso-countries' }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'id',
      );
      assert.equal(await records(), count);
    });

    test('membership events entered for a new organization; unknown codes are 404 or a named field', async () => {
      for (const iso3 of ['BFA', 'MLI', 'NER']) {
        const key = await createMembershipEvent(db(), { organizationId: 'aes', iso3, event: 'joined', date: '2023-09-16', source: SAHEL_SOURCE }, CLI);
        assert.equal(key.seq, 1001, "users' events start at 1001, apart from the shipped ones");
      }
      const members = await organizationMembers(db(), 'aes', 'en', '2024-01-01');
      assert.deepEqual(members.map((m) => m.iso3).sort(), ['BFA', 'MLI', 'NER']);
      assert.ok(members.every((m) => m.verified && m.since === '2023-09-16'));
      await assert.rejects(createMembershipEvent(db(), { organizationId: 'nope', iso3: 'MLI', event: 'joined', date: '2023', source: SAHEL_SOURCE }, CLI), NotFoundError);
      await assert.rejects(
        createMembershipEvent(db(), { organizationId: 'aes', iso3: 'XXX', event: 'joined', date: '2023-02-30', source: SAHEL_SOURCE }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'date',
      );
      await assert.rejects(
        createMembershipEvent(db(), { organizationId: 'aes', iso3: 'XXX', event: 'joined', date: '2023', source: SAHEL_SOURCE }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'iso3',
      );
    });

    test("a shipped suspension dated to the day: the correction is shown beside the shipped month, with both sources, in the record's history", async () => {
      // The shipped row dates the AU's suspension of Guinea-Bissau to November 2025; its own source
      // (Anadolu, 29 November 2025) says the PSC decided at an emergency session on Friday, 28 November.
      const history = await organizationHistory(db(), 'au', 'en');
      const event = history.find((h) => h.iso3 === 'GNB')!.events.find((e) => e.event === 'suspended' && e.date === '2025-11')!;
      assert.equal(event.origin, 'reference');
      const key = { organizationId: 'au', iso3: 'GNB', seq: event.seq };
      await assert.rejects(updateMembershipEvent(db(), { ...key, date: '2025-11-28', source: 'org-afr-anews-gnb-2025' }, CLI), VersionRequiredError);
      await assert.rejects(updateMembershipEvent(db(), { ...key, expectedVersion: event.version + 1, date: '2025-11-28', source: 'org-afr-anews-gnb-2025' }, CLI), (e) => {
        assert.ok(e instanceof StaleVersionError);
        assert.equal(e.currentVersion, event.version);
        assert.equal((e.current as { date: string }).date, '2025-11', 'the current record, as the read API shows it');
        return true;
      });
      const result = await updateMembershipEvent(db(), { ...key, expectedVersion: event.version, date: '2025-11-28', source: 'org-afr-anews-gnb-2025' }, CLI);
      assert.deepEqual(result, { changed: ['date'], version: event.version + 1 });
      const corrected = (await organizationHistory(db(), 'au', 'en')).find((h) => h.iso3 === 'GNB')!.events.find((e) => e.seq === event.seq)!;
      assert.equal(corrected.date, '2025-11-28');
      assert.equal(corrected.precision, 'day');
      assert.equal(corrected.corrections.length, 1);
      const [correction] = corrected.corrections;
      assert.equal(correction!.field, 'date');
      assert.equal(correction!.value, '2025-11-28');
      assert.equal(correction!.overridden.value, '2025-11');
      assert.match(correction!.source!.title, /Anadolu/);
      assert.deepEqual(
        correction!.overridden.sources.map((s) => s.url),
        event.sources.map((s) => s.url),
      );
      const page = await historyOf(db(), 'membership-event', `au/GNB/${event.seq}`);
      assert.equal(page.entries.length, 1);
      assert.equal(page.entries[0]!.action, 'update');
      assert.deepEqual(page.entries[0]!.before, { date: '2025-11' });
      assert.equal(page.entries[0]!.source!.kind, 'secondary');
      assert.equal(page.entries[0]!.who, 'system:test');
      // A shipped event is corrected, never deleted.
      await assert.rejects(deleteMembershipEvent(db(), { ...key, expectedVersion: result.version }, CLI), ForbiddenError);
    });

    test('an instrument and a mechanism created and corrected, the shipped value kept beside the correction', async () => {
      const actip = await createInstrument(
        db(),
        {
          code: 'ACTIP',
          title: { en: 'ASEAN Convention Against Trafficking in Persons, Especially Women and Children' },
          shortTitle: { en: 'ACTIP' },
          kind: 'convention',
          binding: true,
          system: 'regional',
          organizationId: 'asean',
          adopted: '2015-11-21',
          adoptedPlace: 'Kuala Lumpur',
          source: ASEAN_SITE,
        },
        CLI,
      );
      assert.deepEqual(actip, { code: 'ACTIP', version: 1 });
      assert.equal((await instrumentView(db(), 'ACTIP', 'en')).origin, 'user');
      await assert.rejects(
        createInstrument(db(), { code: 'ACTIP', title: { en: 'X' }, kind: 'convention', binding: true, system: 'regional', organizationId: 'nope', parentCode: 'NOPE', source: ASEAN_SITE }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'code,organizationId,parentCode',
      );

      const echr = await instrumentView(db(), 'ECHR', 'en');
      assert.equal(echr.depositary, null);
      // ECHR art. 59: ratifications are deposited with the Secretary General of the Council of Europe.
      await updateInstrument(db(), { code: 'ECHR', expectedVersion: echr.version, depositary: 'Secretary General of the Council of Europe', source: COE_TREATY_005 }, CLI);
      const corrected = await instrumentView(db(), 'ECHR', 'en');
      assert.equal(corrected.depositary, 'Secretary General of the Council of Europe');
      assert.deepEqual(
        corrected.corrections.map((c) => [c.field, c.value, c.overridden.value, c.source?.kind]),
        [['depositary', 'Secretary General of the Council of Europe', null, 'official']],
      );

      const acerwc = await mechanismView(db(), 'ACERWC', 'en');
      assert.deepEqual(acerwc.seat, { city: null, iso3: null });
      const updated = await updateMechanism(db(), { code: 'ACERWC', expectedVersion: acerwc.version, seatCity: 'Maseru', seatIso3: 'LSO', source: ACERWC_SITE }, CLI);
      assert.deepEqual(updated.changed, ['seatCity', 'seatIso3']);
      assert.deepEqual((await mechanismView(db(), 'ACERWC', 'en')).seat, { city: 'Maseru', iso3: 'LSO' });
      await assert.rejects(
        updateMechanism(db(), { code: 'ACERWC', expectedVersion: updated.version, coverageBasis: 'membership', seatIso3: 'XXX', source: ACERWC_SITE }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'coverageInstruments,coverageOrganization,seatIso3',
      );
      const acwc = await createMechanism(
        db(),
        {
          code: 'ACWC',
          name: { en: 'ASEAN Commission on the Promotion and Protection of the Rights of Women and Children' },
          acronym: { en: 'ACWC' },
          kind: 'commission',
          system: 'regional',
          organizationId: 'asean',
          established: '2010',
          individualComplaints: false,
          coverageBasis: 'membership',
          coverageOrganization: 'asean',
          source: ASEAN_SITE,
        },
        CLI,
      );
      assert.equal(acwc.version, 1);
      assert.equal((await mechanismView(db(), 'ACWC', 'en')).coverage.organization, 'asean');
    });

    test("France's ratification of the Istanbul Convention dated: the status follows it, the undated shipped act stays, the disagreement is listed with both sources", async () => {
      const shipped = (await instrumentStatus(db(), 'ISTANBUL', '2015-06-01')).states.find((s) => s.iso3 === 'FRA')!;
      const shippedAct = shipped.actions.find((a) => a.kind === 'ratification')!;
      assert.equal(shippedAct.date, null, 'the shipped data do not date it');
      assert.equal(shippedAct.collection, 'reference');
      await assert.rejects(createTreatyAction(db(), { instrument: 'NOPE', participant: 'FRA', kind: 'ratification', date: '2014-07-04', source: COE_TREATY_210 }, CLI), NotFoundError);
      await assert.rejects(
        createTreatyAction(db(), { instrument: 'ISTANBUL', participant: 'XXX', kind: 'ratification', date: '2014-07-04', procedure: 'echr-art46', source: COE_TREATY_210 }, CLI),
        (e) => e instanceof ValidationError && fieldsOf(e) === 'participant,procedure',
      );

      const act = await createTreatyAction(db(), { instrument: 'ISTANBUL', participant: 'FRA', kind: 'ratification', date: '2014-07-04', effective: '2014-11-01', source: COE_TREATY_210 }, CLI);
      assert.equal(act.id, 'edit:ISTANBUL/1');
      const status = (await instrumentStatus(db(), 'ISTANBUL', '2015-06-01')).states.find((s) => s.iso3 === 'FRA')!;
      assert.equal(status.status, 'party');
      const followed = status.actions.find((a) => a.kind === 'ratification')!;
      assert.deepEqual([followed.collection, followed.date, followed.support], ['edit', '2014-07-04', 'official']);
      const before = (await instrumentStatus(db(), 'ISTANBUL', '2014-07-03')).states.find((s) => s.iso3 === 'FRA')!;
      assert.equal(before.status, 'signatory', 'party from the deposit, no longer from an unknown day');

      const { items, sources } = await listConflicts(db(), { instrument: 'ISTANBUL', iso3: 'FRA' });
      assert.equal(items.length, 1);
      const [conflict] = items;
      assert.equal(conflict!.followed, 'edit');
      assert.deepEqual(
        conflict!.sides.map((s) => [s.collection, s.date]),
        [
          ['edit', '2014-07-04'],
          ['reference', null],
        ],
      );
      const cited = conflict!.sides.flatMap((s) => s.sourceIds);
      assert.ok(
        cited.every((id) => sources[id]),
        'both sides cite sources the answer resolves',
      );
      assert.ok(cited.some((id) => sources[id]!.url === COE_TREATY_210.url));

      // Corrected with its version, then withdrawn: the shipped act decides again.
      await assert.rejects(updateTreatyAction(db(), { instrument: 'ISTANBUL', seq: 1, note: 'x', source: COE_TREATY_210 }, CLI), VersionRequiredError);
      const changed = await updateTreatyAction(
        db(),
        { instrument: 'ISTANBUL', seq: 1, expectedVersion: 1, note: 'entry into force for France: 1 November 2014', source: 'parties-gaps-de-vfst-2014' },
        CLI,
      );
      assert.deepEqual(changed, { changed: ['note'], version: 2 });
      const view = await enteredActionView(db(), { instrument: 'ISTANBUL', seq: 1 });
      assert.equal(view.sources.length, 2);
      await assert.rejects(deleteTreatyAction(db(), { instrument: 'ISTANBUL', seq: 1, expectedVersion: 1 }, CLI), StaleVersionError);
      await deleteTreatyAction(db(), { instrument: 'ISTANBUL', seq: 1, expectedVersion: 2 }, CLI);
      assert.equal((await listConflicts(db(), { instrument: 'ISTANBUL', iso3: 'FRA' })).items.length, 0);
      const history = await historyOf(db(), 'treaty-action', 'edit:ISTANBUL/1');
      assert.deepEqual(
        history.entries.map((e) => e.action),
        ['delete', 'update', 'create'],
        'newest first',
      );
      assert.equal((await historyOf(db(), 'treaty-action', 'edit:ISTANBUL/1', { limit: 2 })).nextBeforeId, history.entries[1]!.id);
      // Entered again for the re-seed test below.
      await createTreatyAction(db(), { instrument: 'ISTANBUL', participant: 'FRA', kind: 'ratification', date: '2014-07-04', effective: '2014-11-01', source: COE_TREATY_210 }, CLI);
    });

    test('who may: an organization editor its own records, a State editor its acts, a viewer and the public nothing', async () => {
      const au = await organizationView(db(), 'au', 'en', '2026-01-01');
      const auEditor = userContext(user([{ role: 'organization-editor', scope: 'organization:au' }]), 'r1');
      const coeEditor = userContext(user([{ role: 'organization-editor', scope: 'organization:coe' }]), 'r2');
      const viewer = userContext(user([{ role: 'viewer', scope: null }]), 'r3');
      const update = { id: 'au', expectedVersion: au.version, website: au.website, source: 'pkg-i18n-iso-countries' };
      assert.deepEqual((await updateOrganization(db(), update, auEditor)).changed, [], 'allowed (and nothing to change)');
      await assert.rejects(updateOrganization(db(), update, coeEditor), ForbiddenError);
      await assert.rejects(updateOrganization(db(), update, viewer), ForbiddenError);
      await assert.rejects(updateOrganization(db(), update, { ...CLI, actor: 'user:nobody' }), UnauthenticatedError);
      await assert.rejects(createOrganization(db(), { id: 'x', name: { en: 'X' }, kind: 'regional', source: 'pkg-i18n-iso-countries' }, auEditor), ForbiddenError);
      const fraEditor = userContext(user([{ role: 'state-editor', scope: 'state:FRA' }]), 'r4');
      const deuAct = { instrument: 'ISTANBUL', participant: 'DEU', kind: 'ratification' as const, date: '2017-10-12', source: COE_TREATY_210 };
      await assert.rejects(createTreatyAction(db(), deuAct, fraEditor), ForbiddenError);
    });

    test('twenty writers naming the same version: one wins, nineteen are told the record changed, nothing is lost silently', async () => {
      const au = await organizationView(db(), 'au', 'en', '2026-01-01');
      const count = await records();
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          updateOrganization(db(), { id: 'au', expectedVersion: au.version, website: i % 2 ? 'https://au.int/en' : 'https://au.int/fr', source: 'pkg-i18n-iso-countries' }, systemContext('test')),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 19);
      for (const r of lost) {
        assert.ok(r.reason instanceof StaleVersionError, String(r.reason));
        assert.equal(r.reason.currentVersion, au.version + 1);
      }
      assert.equal(await records(), count + 1, 'one audit record: the one change made');
      assert.equal((await organizationView(db(), 'au', 'en', '2026-01-01')).version, au.version + 1);
    });

    test('a re-seed with changed reference data keeps every edit, and refreshes the shipped side of a correction', async () => {
      const data = loadReferenceData();
      const au = data.organizations.find((o) => o.id === 'au')!;
      const gnb = au.members.find((m) => m.iso3 === 'GNB' && m.event === 'suspended' && m.date === '2025-11')!;
      gnb.note = `${gnb.note} (changed reference note)`;
      gnb.date = '2025';
      await seedReferenceData(db(), data, { force: true });

      const event = (await organizationHistory(db(), 'au', 'en')).find((h) => h.iso3 === 'GNB')!.events.find((e) => e.event === 'suspended' && e.seq < 1001 && e.corrections.length)!;
      assert.equal(event.date, '2025-11-28', "the user's correction survives");
      assert.equal(event.corrections[0]!.overridden.value, '2025', 'and overrides the value now shipped');
      assert.match(event.note!, /changed reference note/, 'an uncorrected field follows the reference data');
      assert.equal((await organizationView(db(), 'aes', 'en', '2024-01-01')).memberCount, 3, "a user's organization and its events stay");
      assert.equal((await instrumentView(db(), 'ECHR', 'en')).depositary, 'Secretary General of the Council of Europe');
      assert.equal((await instrumentView(db(), 'ACTIP', 'en')).title, 'ASEAN Convention Against Trafficking in Persons, Especially Women and Children');
      assert.deepEqual((await mechanismView(db(), 'ACERWC', 'en')).seat, { city: 'Maseru', iso3: 'LSO' });
      assert.equal((await mechanismView(db(), 'ACWC', 'en')).origin, 'user');
      const istanbul = await instrumentStatus(db(), 'ISTANBUL', '2015-06-01');
      const ratification = istanbul.states.find((s) => s.iso3 === 'FRA')!.actions.find((a) => a.kind === 'ratification')!;
      assert.equal(ratification.collection, 'edit', "the user's act stays");
      assert.equal(istanbul.sources[ratification.sourceIds[0]!]!.url, COE_TREATY_210.url, 'and so does the source the user added');
    });
  });
}
