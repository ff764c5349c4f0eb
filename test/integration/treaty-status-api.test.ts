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

/** The registry's statehood dates by State name as the UNTC pages print it (for successions). */
const STATEHOOD: Record<string, string> = Object.fromEntries(
  (parse(readFileSync(new URL('../../data/reference/statehood.csv', import.meta.url)), { columns: true }) as { iso3: string; since: string }[]).map((r) => [r.iso3, r.since]),
);
const SUCCESSORS: Record<string, string> = {
  'Bosnia and Herzegovina': 'BIH',
  Croatia: 'HRV',
  Czechia: 'CZE',
  'Czech Republic': 'CZE',
  Slovakia: 'SVK',
  Slovenia: 'SVN',
  'North Macedonia': 'MKD',
  Montenegro: 'MNE',
  Serbia: 'SRB',
};

/** Participants whose consent cell in the saved UNTC page holds a date on or before asOf and is
 *  not in brackets (a participation later denounced): read with a regular expression, apart from
 *  the importer. A succession (mark d) counts from the day the successor came to exist, when
 *  that is earlier. The European Union is not a State. */
function rawPartiesAt(page: string, asOf: string): Set<string> {
  const html = readFileSync(sharedDataPath('untc-chapter4-html-2026', 'html', page), 'utf8');
  const table = html.slice(html.indexOf('_tblgrid"'), html.indexOf('</table>', html.indexOf('_tblgrid"')));
  const parties = new Set<string>();
  for (const row of table.split(/<tr[^>]*>/).slice(2)) {
    const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) =>
      m[1]!
        .replace(/<sup>[\s\S]*?<\/sup>/gi, '')
        .replace(/<[^>]+>|&nbsp;/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    const m = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})( d)?/.exec(cells[2] ?? '');
    if (!m || cells[0] === 'European Union') continue;
    const deposit = `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    const since = m[4] ? STATEHOOD[SUCCESSORS[cells[0]!] ?? ''] : undefined;
    const day = since && since.length === 10 && since < deposit ? since : deposit;
    if (day <= asOf) parties.add(cells[0]!);
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
    after(async () => {
      await t?.db.drop();
      assert.deepEqual(serverErrors, [], 'no request may cause a server error');
    });

    test('instrument status has the documented shape, and its counts add up', async () => {
      const r = await t.get('/api/v1/instruments/ICCPR/status?asOf=2010-01-01');
      assert.equal(r.status, 200);
      const statuses = ['noAction', 'noData', 'notEligible', 'notYetState', 'party', 'signatory', 'uncertain', 'withdrawn'];
      assert.deepEqual(Object.keys(r.body.counts).sort(), [...statuses, 'partyOnSecondary'].sort());
      const total = statuses.reduce((n, s) => n + r.body.counts[s], 0);
      assert.equal(total, r.body.states.length, 'the statuses add up to every State');
      assert.equal(r.body.states.length, 197);
      assert.deepEqual(
        r.body.collections.map((c: any) => [c.id, c.asOf]),
        [
          ['untc-html', '2026-02-03'],
          ['untc', '2015-03-14'],
          ['untc-years', '2022'],
        ],
      );
      const argentina = r.body.states.find((s: any) => s.iso3 === 'ARG');
      assert.deepEqual(Object.keys(argentina).sort(), ['actions', 'because', 'declarations', 'iso2', 'iso3', 'status', 'support', 'uncertainty']);
      assert.deepEqual([argentina.status, argentina.support], ['party', 'official']);
      assert.deepEqual(
        argentina.actions.map((a: any) => [a.kind, a.date, a.precision, a.effective]),
        [
          ['signature', '1968-02-19', 'day', null],
          ['ratification', '1986-08-08', 'day', '1986-11-08'], // art. 49(2): three months after deposit
        ],
      );
      assert.equal(argentina.actions[1].effectiveRule.article, 'art. 49(2)');
      assert.ok(
        argentina.actions[1].effectiveRule.sourceIds.every((id: string) => r.body.sources[id]),
        'the rule cites its sources',
      );
    });

    for (const [page, code, stated] of [
      ['cerd.html', 'ICERD', 182],
      ['iccpr.html', 'ICCPR', 175],
      ['cat.html', 'CAT', 175],
      ['crc.html', 'CRC', 196],
      ['ced.html', 'CPED', 78],
    ] as const) {
      test(`${code}: parties at a date are those of the UN Treaty Collection's page (read independently)`, async () => {
        for (const asOf of ['1993-06-25', '2010-01-01', '2014-12-31', '2026-02-03']) {
          const r = await t.get(`/api/v1/instruments/${code}/status?asOf=${asOf}`);
          assert.equal(r.body.counts.party + r.body.counts.uncertain, rawPartiesAt(page, asOf).size, `${code} at ${asOf}`);
        }
        const now = await t.get(`/api/v1/instruments/${code}/status?asOf=2026-02-03`);
        assert.equal(now.body.counts.party, stated, `the page itself says "Parties: ${stated}"`);
      });
    }

    test('the record to February 2026: denunciations from the end notes, accessions the 2015 tables lacked', async () => {
      const op1 = async (asOf: string) => new Map((await t.get(`/api/v1/instruments/ICCPR-OP1/status?asOf=${asOf}`)).body.states.map((s: any) => [s.iso3, s]));
      const today = await op1('2026-02-03');
      // Jamaica denounced on 23 October 1997; art. 12(1): effective three months later.
      assert.equal((today.get('JAM') as any).status, 'withdrawn');
      assert.equal(((await op1('1998-01-22')).get('JAM') as any).status, 'party');
      assert.equal(((await op1('1998-01-23')).get('JAM') as any).status, 'withdrawn');
      const denunciation = (today.get('JAM') as any).actions.find((a: any) => a.kind === 'denunciation');
      assert.deepEqual([denunciation.date, denunciation.effective, denunciation.collection], ['1997-10-23', '1998-01-23', 'untc-html']);
      assert.match(denunciation.note, /Jamaica notified the Secretary-General of its denunciation/);
      assert.equal((today.get('TTO') as any).status, 'withdrawn', 'Trinidad and Tobago denounced a second time in 2000');
      assert.equal((today.get('GUY') as any).status, 'party', 'Guyana denounced and acceded again on the same day');
      assert.equal((today.get('BLR') as any).status, 'withdrawn', 'Belarus: denunciation effective 8 February 2023');
      assert.equal(today.size, 197);
      const palestine = await t.get('/api/v1/states/PSE/treaties?asOf=2018-01-01');
      const of = (code: string) => palestine.body.treaties.find((x: any) => x.instrument === code);
      assert.deepEqual([of('OP-CAT').status, of('OP-CAT').actions[0].date], ['party', '2017-12-29']);
      assert.equal(of('OP-CRC-SC').status, 'party');
    });

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
      assert.equal(
        byGroup.body.groups.reduce((n: number, g: any) => n + g.states, 0),
        whole.body.states.length,
      );
      assert.ok(
        byGroup.body.groups.some((g: any) => g.group === 'none'),
        'the Holy See has no UN regional group',
      );
    });

    test('undated acts are bounded in time: never before the State existed, uncertain until a source dates them', async () => {
      const echr = async (asOf: string) => new Map((await t.get(`/api/v1/instruments/ECHR/status?asOf=${asOf}`)).body.states.map((s: any) => [s.iso3, s]));
      const in1980 = await echr('1980-01-01');
      for (const iso3 of ['SVN', 'EST', 'SVK']) assert.equal((in1980.get(iso3) as any).status, 'notYetState', iso3);
      assert.deepEqual((in1980.get('SVN') as any).because.since, '1991-06-25');
      assert.equal((in1980.get('USA') as any).status, 'notEligible', 'not a member of the Council of Europe (art. 59(1))');
      assert.equal((in1980.get('FRA') as any).status, 'party');
      // Slovenia's deposit day is not known; the Council of Europe gives the day the Convention
      // entered into force for it (28 June 1994): certainly party from then, uncertain before.
      const slovenia = (await echr('2000-01-01')).get('SVN') as any;
      assert.equal(slovenia.status, 'party');
      const before = (await echr('1994-01-01')).get('SVN') as any;
      assert.deepEqual([before.status, before.uncertainty], ['uncertain', 'span']);
      const ratification = before.actions.find((a: any) => a.kind === 'ratification');
      assert.ok(ratification.bounds.from >= '1993-05-14', 'not before it joined the Council of Europe');
      const greece = (await echr('2000-01-01')).get('GRC') as any;
      assert.deepEqual([greece.status, greece.uncertainty], ['uncertain', 'unsourced'], "Greece's acts have no source yet");
      const achpr = await t.get('/api/v1/instruments/ACHPR/status?asOf=1990-01-01');
      assert.equal(achpr.body.states.find((s: any) => s.iso3 === 'SSD').status, 'notYetState');
      assert.equal(achpr.body.states.find((s: any) => s.iso3 === 'MAR').status, 'notEligible', 'Morocco had left the OAU');
    });

    test('after the date the depositary\'s list speaks for, a State it did not list is "no data", a party still a party', async () => {
      const at = async (asOf: string) => new Map((await t.get(`/api/v1/instruments/ICCPR/status?asOf=${asOf}`)).body.states.map((s: any) => [s.iso3, s.status]));
      const [then, later] = [await at('2026-02-03'), await at('2026-06-01')];
      assert.deepEqual([then.get('MYS'), later.get('MYS')], ['noAction', 'noData'], 'Malaysia: no act as at 3 February 2026; after it, nobody has said');
      assert.deepEqual([then.get('FRA'), later.get('FRA')], ['party', 'party']);
      // The Genocide Convention is only in the 2015 tables: in 2020 a State they do not list is not known to have done nothing.
      const genocide = await t.get('/api/v1/instruments/GENOCIDE/status?asOf=2020-01-01');
      assert.ok(genocide.body.counts.noAction === 0 && genocide.body.counts.noData > 0);
    });

    test('an instrument on which Accord holds nothing is "no data" for every State, never "no action"', async () => {
      // The Inter-American torture convention: no table of its parties could be read.
      const r = await t.get('/api/v1/instruments/IACPPT/status?asOf=2020-01-01');
      assert.equal(r.body.hasData, false);
      assert.equal(r.body.counts.noData, 197);
      assert.equal(r.body.counts.noAction, 0);
      const matrix = await t.get('/api/v1/treaty-status/matrix?asOf=2020-01-01&instruments=IACPPT,ESC&states=FRA,NGA,BRA');
      assert.deepEqual(matrix.body.noData, ['IACPPT'], 'the 1961 Social Charter has data now');
      const column = matrix.body.instruments.indexOf('IACPPT');
      assert.ok(matrix.body.states.every((s: any) => s.statuses[column] === 'noData'));
    });

    test('every disagreement between the UN Treaty Collection pages and the year-level lists is listed', async () => {
      const r = await t.get('/api/v1/data-quality/conflicts?limit=1000');
      assert.equal(r.status, 200);
      const listed = new Set(r.body.items.map((c: any) => `${c.kind}|${c.instrument}|${c.participant}`));
      const events = await t.db.db
        .selectFrom('treaty_action as e')
        .innerJoin('import_dataset as d', 'd.id', 'e.dataset_id')
        .select(['d.kind as source', 'e.instrument_code', 'e.participant_id', 'e.kind', 'e.date'])
        .where('d.kind', 'in', ['untc-html', 'untc-years'])
        .execute();
      const pages = new Map<string, string[]>();
      for (const e of events)
        if (e.source === 'untc-html' && CONSENT.includes(e.kind) && e.date)
          pages.set(`${e.instrument_code}|${e.participant_id}`, [...(pages.get(`${e.instrument_code}|${e.participant_id}`) ?? []), e.date]);
      let years = 0;
      let parties = 0;
      for (const e of events.filter((x) => x.source === 'untc-years' && x.kind === 'ratification-or-accession')) {
        const key = `${e.instrument_code}|${e.participant_id}`;
        const days = pages.get(key);
        if (days && !days.some((d) => d.startsWith(e.date!))) {
          years++;
          assert.ok(listed.has(`year-differs|${key}`), `year-differs ${key}`);
        }
        if (!days) {
          parties++;
          assert.ok(listed.has(`party-differs|${key}`), `party-differs ${key}`);
        }
      }
      const snapshots = await t.db.db.selectFrom('treaty_snapshot').select(['instrument_code', 'participant_id', 'status']).where('dataset_id', 'like', 'untc-years:%').execute();
      for (const s of snapshots) {
        const key = `${s.instrument_code}|${s.participant_id}`;
        if (s.status === 'contradictory') assert.ok(listed.has(`contradictory|${key}`), `contradictory ${key}`);
        // "No action" in 2022 where the pages date a consent before 2022: the list is wrong.
        if ((s.status === 'none' || s.status === 'signatory') && (pages.get(key) ?? []).some((d) => d < '2022')) assert.ok(listed.has(`party-differs|${key}`), `party-differs ${key}`);
      }
      assert.ok(years >= 20 && parties >= 5, `the lists disagree on ${years} years and ${parties} parties`);
      for (const known of ['year-differs|ICERD|BRA', 'year-differs|ICERD|USA', 'party-differs|ICCPR|SLB', 'party-differs|ICERD|BRN']) assert.ok(listed.has(known), known);
      // The 2022 list keeps Jamaica a "state party" to ICCPR-OP1, which it denounced in 1997.
      assert.ok(listed.has('party-differs|ICCPR-OP1|JAM'));
      const brazil = r.body.items.find((c: any) => c.kind === 'year-differs' && c.instrument === 'ICERD' && c.participant === 'BRA');
      assert.equal(brazil.followed, 'untc-html');
      assert.deepEqual(
        brazil.sides.map((s: any) => [s.collection, s.date]),
        [
          ['untc-html', '1968-03-27'],
          ['untc-years', '1966'],
        ],
      );
      assert.ok(
        brazil.sides.every((s: any) => s.file && s.row && s.sourceIds.length === 1),
        'each side says where it comes from',
      );
      const solomon = await t.get('/api/v1/states/SLB/treaties?asOf=2020-01-01');
      assert.equal(solomon.body.treaties.find((x: any) => x.instrument === 'ICCPR').status, 'noAction', "the depositary's full list decides against the year-level list");
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

    test("datasets: each imported file with its source, rows, and its collection's precision and last date", async () => {
      const r = await t.get('/api/v1/data-quality/datasets?limit=1000');
      const stored = await t.db.db.selectFrom('import_dataset').select('id').execute();
      assert.equal(r.body.total, stored.length);
      const iccpr = r.body.items.find((d: any) => d.id === 'untc:IV-4');
      assert.deepEqual([iccpr.collection, iccpr.precision, iccpr.collectionAsOf, iccpr.label], ['untc', 'day', '2015-03-14', '4-4.csv']);
      assert.match(iccpr.source.url, /^https:\/\/treaties\.un\.org\//);
      const page = r.body.items.find((d: any) => d.id === 'untc-html:IV-4');
      assert.deepEqual([page.collection, page.asOf, page.source.retrieved, page.source.kind, page.label], ['untc-html', '2026-02-03', '2026-02-03', 'official', 'iccpr.html']);
      const reference = r.body.items.find((d: any) => d.id === 'reference:ECHR');
      assert.deepEqual([reference.kind, reference.collection], ['reference', 'reference']);
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
