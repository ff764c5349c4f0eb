// The facts of the report on regional arrangements (src/modules/report/model) on both databases,
// with the shipped treaty data and the 2004 resolution loaded: its figures are those the API
// gives at the report's date, asking as the same (anonymous) reader; a restricted project is not
// counted for that reader; the mandate is quoted as stored; a date before the period is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publicView, viewFor } from '../../src/db/visibility.ts';
import { createRequest } from '../../src/modules/assistance-requests/write.ts';
import { moveRequest } from '../../src/modules/assistance-requests/workflow.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { createProject } from '../../src/modules/projects/write.ts';
import { buildReportFacts, type ReportFacts } from '../../src/modules/report/model/index.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { loadResolutionSnapshot } from '../../src/snapshot/resolutions/load.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { FICTIONAL_SOURCE } from '../support/projects.ts';
import { REQUEST_SOURCE } from '../support/requests.ts';
import { ID_2004, KEY_2004 } from '../support/resolutions.ts';

const AS_OF = '2006-06-30';
const OPTIONS = { asOf: AS_OF, periodStart: '2004-12-20', session: 61, lang: 'en' as const };

const project = (id: string, access: Record<string, unknown>) => ({ id, title: `Fictional project ${id}`, status: 'pipeline', countries: [{ iso3: 'KEN' }], source: FICTIONAL_SOURCE, ...access });

for (const dialect of testDialects()) {
  describe(`the report's facts on ${dialect}`, () => {
    let t: TestApp;
    let facts: ReportFacts;
    before(async () => {
      t = await seededApp(dialect);
      await loadSnapshot(t.db.db);
      await loadResolutionSnapshot(t.db.db);
      await createProject(t.db.db, project('report-public-project', { plannedStart: '2005-01-01', plannedEnd: '2007-12-31' }), systemContext('test'));
      await createProject(t.db.db, project('report-later-project', { plannedStart: '2024-01-01' }), systemContext('test'));
      await createProject(t.db.db, project('report-restricted-project', { confidentiality: 'restricted', audience: ['organization:au'] }), systemContext('test'));
      facts = await buildReportFacts(publicView(t.db.db), OPTIONS);
    });
    after(async () => t?.db.drop());

    test('parties (certain, uncertain, on secondary sources) in each region are those /treaty-status/counts gives at the date', async () => {
      // The regions each instrument is reported in: every region for a core UN instrument; for a
      // regional one, those where its organization has a member (the Council of Europe's in Asia too).
      const reportedIn: Record<string, number> = { ICCPR: facts.developments.length, ACHPR: 1, ECHR: 2, BELEM: 1 };
      for (const code of Object.keys(reportedIn)) {
        const api = (await t.get(`/api/v1/treaty-status/counts?by=region&asOf=${AS_OF}&instruments=${code}`)).body;
        let compared = 0;
        for (const region of facts.developments) {
          const fact = region.ratifications.find((r) => r.instrument === code);
          if (!fact) continue;
          const group = api.groups.find((g: { group: string }) => g.group === region.code);
          assert.equal(fact.parties.value, group.counts[code].party, `${code} parties in ${region.code}`);
          assert.equal(fact.uncertain.value, group.counts[code].uncertain, `${code} uncertain in ${region.code}`);
          assert.equal(fact.partyOnSecondary.value, group.counts[code].partyOnSecondary);
          assert.equal(region.states.value, group.states - group.counts[code].notYetState, 'the States existing at the date');
          assert.match(fact.parties.api!, new RegExp(`asOf=${AS_OF}`));
          compared++;
        }
        assert.equal(compared, reportedIn[code], `${code} is reported where it applies`);
      }
      const europe = facts.developments.find((r) => r.code === '150')!.ratifications.find((r) => r.instrument === 'ICCPR')!;
      assert.ok(europe.parties.value! > 40 && europe.parties.sources.length > 0, 'the parties rest on sources the report can cite');
      assert.ok(europe.partiesAtVienna.value! <= europe.parties.value! + europe.uncertain.value!);
      const belem = facts.developments.find((r) => r.code === '019')!.ratifications.find((r) => r.instrument === 'BELEM')!;
      assert.ok(belem.uncertain.value! > 0, 'uncertain parties are counted apart, as the API counts them');
    });

    test("an organization's members at the date are those /organizations/{id} counts", async () => {
      const africa = facts.developments.find((r) => r.code === '002')!;
      const au = africa.organizations.find((o) => o.id === 'au')!;
      const api = (await t.get(`/api/v1/organizations/au?asOf=${AS_OF}`)).body;
      assert.equal(au.members.value, api.memberCount);
      assert.equal(au.unverifiedMembers.value, api.unverifiedMembers);
      assert.ok(au.members.value! >= 50 && au.sources.length > 0);
      assert.ok(
        africa.mechanisms.some((m) => m.organization === 'au'),
        'the African mechanisms are listed',
      );
      assert.ok(africa.instruments.some((i) => i.code === 'ACHPR'));
    });

    test('the 2004 mandates and those overdue at the date are those /mandates gives', async () => {
      assert.ok(facts.implementation.facts, facts.implementation.why ?? '');
      const impl = facts.implementation.facts!;
      const all = (await t.get(`/api/v1/mandates?resolution=${ID_2004}&asOf=${AS_OF}&limit=200`)).body;
      const overdue = (await t.get(`/api/v1/mandates?resolution=${ID_2004}&asOf=${AS_OF}&overdue=true&limit=200`)).body;
      assert.equal(impl.total.value, all.total);
      assert.equal(impl.overdue.value, overdue.total);
      assert.ok(impl.mandates.some((m) => m.anchor === 'op13'));
    });

    test('the mandate is the 2004 OP13 quoted as stored, under its key and language, with no symbol', async () => {
      const quote = facts.mandate.quote!;
      assert.ok(quote, facts.mandate.why ?? '');
      const stored = (await t.get(`/api/v1/mandates/${ID_2004}.op13?asOf=${AS_OF}`)).body;
      assert.equal(quote.text, stored.text, 'verbatim');
      assert.match(quote.text.replace(/\s+/g, ' '), /a report on the state of regional arrangements for the promotion and protection of human rights/);
      assert.deepEqual([quote.key, quote.symbol, quote.lang, quote.anchor], [KEY_2004, null, 'en', 'op13']);
      assert.equal(quote.sources.length, 1);
    });

    test('projects, presences and uncovered States agree with the API; a restricted project is not counted for an anonymous reader', async () => {
      const totals = (await t.get(`/api/v1/project-totals?base=USD&asOf=${AS_OF}`)).body;
      assert.equal(facts.cooperation.projects.total.value, totals.projects);
      assert.equal(facts.cooperation.projects.total.value, 2, 'only the public projects');
      assert.equal(facts.cooperation.projects.runningInPeriod.value, 1, 'the project planned from 2024 is not of the period');
      assert.equal(facts.cooperation.projects.byCountry.KEN!.value, 2);
      assert.equal(facts.cooperation.projects.byRegion.find((r) => r.region === '002')!.projects.value, 2, 'Kenya is in Africa');
      const everything = await buildReportFacts(viewFor(t.db.db, { see: 'all' }), OPTIONS);
      assert.equal(everything.cooperation.projects.total.value, 3, 'a reader entitled to it counts the restricted project');

      const presences = (await t.get(`/api/v1/presences?asOf=${AS_OF}&limit=200`)).body;
      assert.equal(facts.cooperation.presences.open.value, presences.items.filter((p: { open: boolean }) => p.open).length);

      const coverage = (await t.get(`/api/v1/coverage?asOf=${AS_OF}`)).body;
      const states = (await t.get('/api/v1/states?limit=500')).body.items as { iso3: string; region: { code: string } | null }[];
      // States that did not exist yet at the date (South Sudan in 2006) are of no region then.
      const iccpr = (await t.get(`/api/v1/instruments/ICCPR/status?asOf=${AS_OF}`)).body.states as { iso3: string; status: string }[];
      const notYet = new Set(iccpr.filter((s) => s.status === 'notYetState').map((s) => s.iso3));
      const withRegion = new Set(states.filter((s) => s.region !== null && !notYet.has(s.iso3)).map((s) => s.iso3));
      assert.deepEqual(
        facts.recommendations.uncovered.states.map((s) => s.iso3).sort(),
        coverage.uncovered.filter((iso3: string) => withRegion.has(iso3)).sort(),
        'the States /coverage finds uncovered, in the regions reported',
      );
      assert.equal(facts.recommendations.uncovered.value, facts.recommendations.uncovered.states.length);
    });

    test('events of the period and requests agree with the API for the same reader', async () => {
      const events = (await t.get(`/api/v1/events?from=${OPTIONS.periodStart}&to=${AS_OF}&limit=200`)).body;
      assert.equal(facts.cooperation.events.total.value, events.total);
      assert.ok(events.total > 0, 'the shipped workshops of the period are there to compare');
      const requests = (await t.get(`/api/v1/requests?receivedTo=${AS_OF}&limit=200`)).body;
      assert.equal(facts.cooperation.requests.total.value, requests.total);
    });

    test("a request is counted at its status on the report's date, and only for a reader entitled to it", async () => {
      const ctx = systemContext('test');
      let { id, version } = await createRequest(
        t.db.db,
        { state: 'KEN', authority: 'Ministry of Justice', received: '2005-03-01', due: '2005-06-01', subject: 'Fictional request for testing', source: REQUEST_SOURCE },
        ctx,
      );
      for (const [status, date] of [
        ['under-assessment', '2005-04-01'],
        ['accepted', '2006-01-10'],
        ['closed', '2007-02-01'],
      ])
        version = (await moveRequest(t.db.db, { id, expectedVersion: version, body: { status, date } }, ctx)).version;
      const seen = (await buildReportFacts(viewFor(t.db.db, { see: 'all' }), OPTIONS)).cooperation.requests;
      assert.equal(seen.total.value, 1);
      assert.equal(seen.byStatus.accepted.value, 1, 'accepted on the report date; closed only later');
      assert.equal(seen.byStatus.closed.value, 0);
      assert.deepEqual([seen.unanswered.value, seen.overdue.value], [1, 1], 'due in 2005 and still unanswered in June 2006');
      assert.equal(seen.unansweredList[0]!.id, id);
      const anonymous = (await buildReportFacts(publicView(t.db.db), OPTIONS)).cooperation.requests;
      assert.equal(anonymous.total.value, 0, 'a request is restricted to OHCHR and its State by default');
      assert.equal((await t.get(`/api/v1/requests?receivedTo=${AS_OF}`)).body.total, 0);
    });

    test('a report date before its period, or an unknown region, is refused naming the field', async () => {
      await assert.rejects(buildReportFacts(publicView(t.db.db), { ...OPTIONS, asOf: '2004-01-01' }), (e: Error & { details?: { parameter: string }[] }) => {
        assert.match(e.message, /2004-01-01 is before the start of its period 2004-12-20/);
        assert.equal(e.details?.[0]?.parameter, 'asOf');
        return true;
      });
      await assert.rejects(buildReportFacts(publicView(t.db.db), { ...OPTIONS, regions: ['999'] }), /unknown region code\(s\): 999/);
    });
  });
}
