// UN complaint and inquiry procedures per State and date, read from the UN Treaty Collection
// pages of 3 February 2026 (declarations under articles, reservations, and the withdrawals its
// end notes narrate), on SQLite and PostgreSQL. The facts checked are printed on those pages:
// France's ICERD article 14 declaration of 16 August 1982; the United States and the United
// Kingdom accepting CAT article 21 only; Seychelles' article 22 declaration of 6 August 2001;
// Hungary's article 20 reservation made upon ratification (15 April 1987) and withdrawn on
// 13 September 1989; China's article 20 reservation, still in force.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importUntcHtml } from '../../src/importers/untc-html/import.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

for (const dialect of testDialects()) {
  describe(`procedures API on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
      await importUntcHtml(t.db.db, sharedDataPath('untc-chapter4-html-2026'));
    });
    after(async () => {
      await t?.db.drop();
      assert.deepEqual(serverErrors, [], 'no request may cause a server error');
    });

    const at = async (iso3: string, asOf: string) => {
      const r = await t.get(`/api/v1/states/${iso3}/procedures?asOf=${asOf}`);
      assert.equal(r.status, 200);
      return new Map<string, any>(r.body.procedures.map((p: any) => [p.id, p]));
    };

    test('a declaration counts from its date, quoted with its source', async () => {
      const before1982 = await at('FRA', '1982-08-15');
      assert.equal(before1982.get('icerd-14').status, 'notAccepted');
      const after1982 = await at('FRA', '1982-08-16');
      const p = after1982.get('icerd-14');
      assert.equal(p.status, 'accepted');
      assert.equal(p.since, '1982-08-16');
      assert.match(p.act.quote, /article 14/i);
      assert.ok(p.act.sourceIds.length > 0);
    });

    test('a declaration names which of two articles it accepts', async () => {
      for (const iso3 of ['USA', 'GBR']) {
        const now = await at(iso3, '2026-01-01');
        assert.equal(now.get('cat-21').status, 'accepted', `${iso3} art. 21`);
        assert.equal(now.get('cat-22').status, 'notAccepted', `${iso3} art. 22`);
      }
      const syc = (await at('SYC', '2026-01-01')).get('cat-22');
      assert.equal(syc.status, 'accepted');
      assert.equal(syc.since, '2001-08-06');
    });

    test('an opt-out of an inquiry holds until its withdrawal, and a party is otherwise under it', async () => {
      assert.equal((await at('HUN', '1988-01-01')).get('cat-20').status, 'optedOut');
      const hun = (await at('HUN', '1990-01-01')).get('cat-20');
      assert.equal(hun.status, 'accepted');
      assert.equal(hun.act.effect, 'withdraw-opt-out');
      assert.equal(hun.act.date, '1989-09-13');
      assert.equal((await at('CHN', '2026-01-01')).get('cat-20').status, 'optedOut');
      assert.equal((await at('FRA', '2026-01-01')).get('cat-20').status, 'accepted');
    });

    test('an acceptance made for five years lapses, and a renewal restores it (Switzerland, ICCPR art. 41)', async () => {
      const status = async (asOf: string) => (await at('CHE', asOf)).get('iccpr-41');
      assert.equal((await status('2000-01-01')).status, 'accepted');
      const gap = await status('2005-01-01');
      assert.deepEqual([gap.status, gap.since], ['notAccepted', '2002-09-18'], 'five years from 18 September 1997');
      assert.equal((await status('2012-01-01')).status, 'accepted');
      assert.deepEqual([(await status('2016-01-01')).status, (await status('2016-01-01')).since], ['notAccepted', '2015-04-16']);
      assert.equal((await status('2024-01-01')).status, 'accepted');
    });

    test('an optional protocol is accepted by becoming party; before that the State is not party', async () => {
      const list = await t.get('/api/v1/procedures?asOf=2026-02-03&instrument=OP-CRPD');
      const status = await t.get('/api/v1/instruments/OP-CRPD/status?asOf=2026-02-03');
      const op1 = list.body.procedures.find((p: any) => p.id === 'op-crpd-1');
      assert.equal(op1.counts.accepted, status.body.counts.party + status.body.counts.uncertain);
      assert.equal((await at('FRA', '2000-01-01')).get('op-crpd-1').status, 'notParty');
    });

    test('a mechanism lists its procedures; one procedure lists every State', async () => {
      const cat = await t.get('/api/v1/procedures?mechanism=CAT&asOf=2026-02-03');
      assert.deepEqual(cat.body.procedures.map((p: any) => p.id).sort(), ['cat-20', 'cat-21', 'cat-22']);
      const one = await t.get('/api/v1/procedures/cat-22?asOf=2026-02-03');
      assert.equal(one.status, 200);
      const accepted = one.body.states.filter((s: any) => s.status === 'accepted');
      assert.equal(accepted.length, one.body.procedure.counts.accepted);
      assert.ok(accepted.length > 50, `${accepted.length} States accept CAT art. 22`);
      assert.ok(
        accepted.every((s: any) => s.act && s.act.quote.length > 0),
        'every acceptance quotes its declaration',
      );
    });

    test('coverage names the UN individual procedures each State accepts', async () => {
      const r = await t.get('/api/v1/coverage?asOf=2026-01-01');
      const by = new Map<string, any>(r.body.states.map((s: any) => [s.iso3, s]));
      for (const id of ['icerd-14', 'cat-22', 'iccpr-op1', 'op-cedaw-2']) assert.ok(by.get('FRA').unIndividualProcedures.includes(id), `FRA ${id}`);
      assert.ok(!by.get('USA').unIndividualProcedures.includes('cat-22'), 'the United States accepts CAT art. 21 only');
    });

    test('before Protocol No. 11 the European Court covers a State by its Article 46 declaration; individuals reach it only after', async () => {
      const court = async (asOf: string) => ((await t.get(`/api/v1/coverage?asOf=${asOf}`)).body.states.find((s: any) => s.iso3 === 'FRA').mechanisms as any[]).find((m) => m.code === 'ECTHR');
      const in1980 = await court('1980-01-01');
      assert.equal(in1980.basis, 'party-and-acceptance', "France accepted the Court's jurisdiction on 3 May 1974");
      assert.equal(in1980.individualComplaints, false);
      assert.equal((await court('1982-01-01')).individualComplaints, false, 'from 1981 individuals petitioned the Commission (former art. 25), not the Court');
      const procedures = await at('FRA', '1982-01-01');
      assert.equal(procedures.get('echr-art25').status, 'accepted', 'France accepted the right of individual petition on 2 October 1981');
      const now = await court('2026-01-01');
      assert.deepEqual([now.basis, now.individualComplaints], ['party', true], 'compulsory for every party since 1 November 1998');
    });

    test('bad requests get clear errors', async () => {
      assert.equal((await t.get('/api/v1/procedures/no-such')).status, 404);
      assert.equal((await t.get('/api/v1/states/XXX/procedures')).status, 404);
      const bad = await t.get('/api/v1/procedures?asOf=2020-13-40');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message + JSON.stringify(bad.body.error.details), /asOf/);
    });
  });
}
