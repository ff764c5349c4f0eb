// The treaty-status API on each database, with every dataset of ../shared/data imported:
// counts at a date against an independent reading of the raw UN Treaty Collection tables,
// the same answer from the instrument, State and matrix endpoints, every disagreement between
// the two UN sources listed, the "year only" status, and clear errors for bad requests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importAll } from '../../src/importers/all.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CONSENT = ['ratification', 'accession', 'succession', 'acceptance', 'approval', 'formal-confirmation'];

/** Participants of a raw UNTC table whose consent column holds a date on or before asOf (the EU is not a State). */
function rawPartiesAt(file: string, asOf: string): Set<string> {
  const rows = parse(readFileSync(sharedDataPath('untc-chapter4-zmjones-2015', 'treaties', file)), { bom: true }) as string[][];
  const header = rows[0]!;
  const consent = header.findIndex((h) => /Ratification|Accession/.test(h));
  const parties = new Set<string>();
  for (const row of rows.slice(1)) {
    const m = /(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})/.exec(row[consent] ?? '');
    if (!m || row[0] === 'European Union') continue;
    const day = `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (day <= asOf) parties.add(row[0]!);
  }
  return parties;
}

for (const dialect of testDialects()) {
  describe(`treaty-status API on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
      await importAll(t.db.db, sharedDataPath(), { skipInvalid: true });
    });
    after(async () => { await t?.db.drop(); assert.deepEqual(serverErrors, [], 'no request may cause a server error'); });

    test('instrument status has the documented shape, and its counts add up', async () => {
      const r = await t.get('/api/v1/instruments/ICCPR/status?asOf=2010-01-01');
      assert.equal(r.status, 200);
      assert.deepEqual(Object.keys(r.body.counts).sort(), ['none', 'party', 'signatory', 'withdrawn', 'yearOnly']);
      const total = Object.values(r.body.counts as Record<string, number>).reduce((a, b) => a + b, 0);
      assert.equal(total, r.body.states.length);
      const argentina = r.body.states.find((s: any) => s.iso3 === 'ARG');
      assert.deepEqual(Object.keys(argentina).sort(), ['actions', 'declarations', 'iso2', 'iso3', 'status']);
      assert.deepEqual(argentina.actions.map((a: any) => [a.kind, a.date, a.precision, a.effective]), [
        ['signature', '1968-02-19', 'day', null],
        ['ratification', '1986-08-08', 'day', '1986-11-08'], // art. 49(2): three months after deposit
      ]);
      assert.equal(argentina.actions[1].effectiveRule.article, 'art. 49(2)');
      assert.ok(argentina.actions[1].effectiveRule.sourceIds.every((id: string) => r.body.sources[id]), 'the rule cites its sources');
    });

    for (const [file, code] of [['4-2.csv', 'ICERD'], ['4-4.csv', 'ICCPR'], ['4-9.csv', 'CAT'], ['4-11.csv', 'CRC']] as const) {
      test(`${code}: parties at a date are those of the UNTC table (read independently)`, async () => {
        for (const asOf of ['1993-06-25', '2010-01-01', '2014-12-31']) {
          const r = await t.get(`/api/v1/instruments/${code}/status?asOf=${asOf}`);
          assert.equal(r.body.counts.party + r.body.counts.yearOnly, rawPartiesAt(file, asOf).size, `${code} at ${asOf}`);
        }
      });
    }

    test('instrument, State and matrix endpoints give the same status', async () => {
      const asOf = '2000-06-30';
      const matrix = await t.get(`/api/v1/treaty-status/matrix?asOf=${asOf}&instruments=ICCPR,CRC,ACHR,ACHPR-COURT`);
      assert.equal(matrix.status, 200);
      for (const [i, code] of (matrix.body.instruments as string[]).entries()) {
        const status = await t.get(`/api/v1/instruments/${code}/status?asOf=${asOf}`);
        assert.deepEqual(matrix.body.counts[code], status.body.counts, code);
        const byState = new Map(status.body.states.map((s: any) => [s.iso3, s.status]));
        for (const row of matrix.body.states) assert.equal(row.statuses[i], byState.get(row.iso3), `${code} ${row.iso3}`);
      }
      for (const iso3 of ['FRA', 'BRA', 'RWA']) {
        const profile = await t.get(`/api/v1/states/${iso3}/treaties?asOf=${asOf}`);
        const row = matrix.body.states.find((s: any) => s.iso3 === iso3);
        for (const [i, code] of (matrix.body.instruments as string[]).entries()) {
          assert.equal(profile.body.treaties.find((x: any) => x.instrument === code).status, row.statuses[i], `${iso3} ${code}`);
        }
      }
    });

    test('filters of the matrix: a UN regional group, an organization at the date', async () => {
      const weog = await t.get('/api/v1/treaty-status/matrix?group=WEOG&instruments=ICCPR');
      assert.ok(weog.body.states.some((s: any) => s.iso3 === 'FRA') && !weog.body.states.some((s: any) => s.iso3 === 'BRA'));
      const au = await t.get('/api/v1/treaty-status/matrix?organization=au&asOf=1990-01-01&instruments=ACHPR');
      assert.ok(!au.body.states.some((s: any) => s.iso3 === 'MAR'), 'Morocco had left the OAU in 1984');
      const byGroup = await t.get('/api/v1/treaty-status/counts?by=group&instruments=ICCPR&asOf=2010-01-01');
      const whole = await t.get('/api/v1/instruments/ICCPR/status?asOf=2010-01-01');
      const sum = byGroup.body.groups.reduce((n: number, g: any) => n + g.counts.ICCPR.party, 0);
      assert.equal(sum, whole.body.counts.party, 'every State is counted once, those outside the groups under "none"');
      assert.equal(byGroup.body.groups.reduce((n: number, g: any) => n + g.states, 0), whole.body.states.length);
      assert.ok(byGroup.body.groups.some((g: any) => g.group === 'none'), 'the Holy See has no UN regional group');
    });

    test('"year only": a consent known only to its year, after the UNTC scrape', async () => {
      const events = await t.db.db.selectFrom('treaty_event').select(['instrument_code', 'participant_id', 'date']).where('kind', '=', 'ratification-or-accession').where('date', '=', '2018').where('dataset_id', 'like', 'untc-years:%').execute();
      const candidate = events[0];
      assert.ok(candidate, 'the year-level lists hold consents of 2018');
      const inYear = await t.get(`/api/v1/states/${candidate!.participant_id}/treaties?asOf=2018-06-30`);
      const after2018 = await t.get(`/api/v1/states/${candidate!.participant_id}/treaties?asOf=2019-01-01`);
      const statusOf = (r: any) => r.body.treaties.find((x: any) => x.instrument === candidate!.instrument_code);
      assert.equal(statusOf(inYear).status, 'yearOnly');
      assert.deepEqual(statusOf(inYear).actions.filter((a: any) => a.kind === 'ratification-or-accession').map((a: any) => [a.date, a.precision]), [['2018', 'year']]);
      assert.equal(statusOf(after2018).status, 'party');
    });

    test('every disagreement between the UNTC tables and the year-level lists is listed', async () => {
      const r = await t.get('/api/v1/data-quality/conflicts?limit=1000');
      assert.equal(r.status, 200);
      const listed = new Set(r.body.items.map((c: any) => `${c.kind}|${c.instrument}|${c.participant}`));
      const events = await t.db.db.selectFrom('treaty_event as e').innerJoin('import_dataset as d', 'd.id', 'e.dataset_id')
        .select(['d.kind as source', 'e.instrument_code', 'e.participant_id', 'e.kind', 'e.date']).where('d.kind', 'in', ['untc', 'untc-years']).execute();
      const untc = new Map<string, string[]>();
      for (const e of events) if (e.source === 'untc' && CONSENT.includes(e.kind) && e.date) untc.set(`${e.instrument_code}|${e.participant_id}`, [...(untc.get(`${e.instrument_code}|${e.participant_id}`) ?? []), e.date]);
      let years = 0;
      let parties = 0;
      for (const e of events.filter((x) => x.source === 'untc-years')) {
        const key = `${e.instrument_code}|${e.participant_id}`;
        const days = untc.get(key);
        if (days && !days.some((d) => d.startsWith(e.date!))) { years++; assert.ok(listed.has(`year-differs|${key}`), `year-differs ${key}`); }
        if (!days && Number(e.date) < 2015) { parties++; assert.ok(listed.has(`party-differs|${key}`), `party-differs ${key}`); }
      }
      const snapshots = await t.db.db.selectFrom('treaty_snapshot').select(['instrument_code', 'participant_id', 'status']).where('dataset_id', 'like', 'untc-years:%').execute();
      for (const s of snapshots) {
        const key = `${s.instrument_code}|${s.participant_id}`;
        if (s.status === 'contradictory') assert.ok(listed.has(`contradictory|${key}`), `contradictory ${key}`);
        if ((s.status === 'none' || s.status === 'signatory') && untc.has(key)) assert.ok(listed.has(`party-differs|${key}`), `party-differs ${key}`);
      }
      assert.ok(years >= 20 && parties >= 5, `the lists disagree on ${years} years and ${parties} parties`);
      for (const known of ['year-differs|ICERD|BRA', 'year-differs|ICERD|USA', 'party-differs|ICCPR|SLB', 'party-differs|ICERD|BRN']) assert.ok(listed.has(known), known);
      const brazil = r.body.items.find((c: any) => c.kind === 'year-differs' && c.instrument === 'ICERD' && c.participant === 'BRA');
      assert.equal(brazil.followed, 'untc');
      assert.deepEqual(brazil.sides.map((s: any) => [s.collection, s.date]), [['untc', '1968-03-27'], ['untc-years', '1966']]);
      assert.ok(brazil.sides.every((s: any) => s.file && s.row && s.sourceIds.length === 1), 'each side says where it comes from');
    });

    test('coverage uses the imported declarations: the African Court after Rwanda withdrew its Article 34(6) declaration', async () => {
      const court = (r: any) => r.body.states.find((s: any) => s.iso3 === 'RWA').mechanisms.find((m: any) => m.code === 'AFCHPR');
      // A party to the Protocol, open to individual applications while its declaration is in force.
      const before2016 = await t.get('/api/v1/coverage?asOf=2015-06-01');
      assert.deepEqual([court(before2016)?.basis, court(before2016)?.individualComplaints], ['party', true]);
      const stillInForce = await t.get('/api/v1/coverage?asOf=2017-02-23');
      assert.equal(court(stillInForce)?.individualComplaints, true, 'the withdrawal dated 24 February 2016 takes effect twelve months later');
      const after2017 = await t.get('/api/v1/coverage?asOf=2017-06-01');
      assert.deepEqual([court(after2017)?.basis, court(after2017)?.individualComplaints], ['party', false]);
    });

    test('datasets: each imported file with its source, rows, and its collection\'s precision and last date', async () => {
      const r = await t.get('/api/v1/data-quality/datasets?limit=1000');
      const stored = await t.db.db.selectFrom('import_dataset').select('id').execute();
      assert.equal(r.body.total, stored.length);
      const iccpr = r.body.items.find((d: any) => d.id === 'untc:IV-4');
      assert.deepEqual([iccpr.collection, iccpr.precision, iccpr.lastDate, iccpr.label], ['untc', 'day', '2015-03-09', '4-4.csv']);
      assert.match(iccpr.source.url, /^https:\/\/treaties\.un\.org\//);
      const years = r.body.items.find((d: any) => d.id === 'untc-years:ICCPR');
      assert.deepEqual([years.collection, years.precision], ['untc-years', 'year']);
    });

    test('bad requests get a 400 or 404 naming the parameter', async () => {
      assert.equal((await t.get('/api/v1/instruments/NOPE/status')).status, 404);
      assert.equal((await t.get('/api/v1/states/XXX/treaties')).status, 404);
      const badDate = await t.get('/api/v1/treaty-status/matrix?asOf=2010-02-30');
      assert.deepEqual([badDate.status, badDate.body.error.details[0].parameter], [400, 'asOf']);
      const badState = await t.get('/api/v1/treaty-status/matrix?states=FRA,XXX');
      assert.deepEqual([badState.status, badState.body.error.details[0].parameter], [400, 'states']);
      const hostile = await t.get(`/api/v1/treaty-status/matrix?instruments=${encodeURIComponent("ICCPR'; DROP TABLE state;--")}`);
      assert.equal(hostile.status, 400);
      assert.equal((await t.get('/api/v1/treaty-status/counts?by=planet')).status, 400);
      assert.equal((await t.get('/api/v1/data-quality/conflicts?kind=other')).status, 400);
    });
  });
}
