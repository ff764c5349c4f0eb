// Obstacles to ratification and strategies on each database, with the shipped treaty data
// loaded: entered by OHCHR through the write path (one audit record each, If-Match on every
// update and delete), bad input refused naming each field with nothing written, restricted
// obstacles absent for those not entitled (list, record, gap analysis), the "ratified since,
// preceded by" view computed from the treaty record, and the gap analyses of a State and of an
// instrument checked against the treaty-status API's own figures.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { referenceLinker } from '../../src/modules/recommendation-instruments/reference-linker.ts';
import { searchTextOf } from '../../src/modules/recommendations/search-text.ts';
import { importRecommendationsUseCase } from '../../src/modules/recommendations/write.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { newProject } from '../support/projects.ts';

const SOURCE = { title: 'Report of the Working Group on the Universal Periodic Review (written for the tests)', url: 'https://example.org/upr/1', kind: 'official', retrieved: '2026-11-30' };
const AS_OF = '2026-01-01';
const RECOMMENDATION = 'test-usa-ratify-icescr';

/** A recommendation asking the United States to ratify the ICESCR, through the import use case and the recogniser. */
async function storeRecommendation(t: TestApp): Promise<void> {
  const text = 'Ratify the International Covenant on Economic, Social and Cultural Rights (written for the tests)';
  const row = {
    id: RECOMMENDATION,
    dataset_id: 'test:obstacles',
    source_row: 2,
    kind: 'recommendation',
    mechanism: 'UPR',
    state_iso3: 'USA',
    state_group: 'WEOG',
    state_orgs: '[]',
    recommender_iso3: 'BRA',
    recommender_name: 'Brazil',
    recommender_group: 'GRULAC',
    recommender_orgs: '[]',
    cycle: 2,
    session: 22,
    date: '2015-05',
    sort_date: '2015-05',
    document_symbol: null,
    text,
    text_lang: 'en',
    response: 'noted',
    response_source: 'Noted',
    action_category: 5,
    themes_source: '[]',
    group_key: RECOMMENDATION,
    source_id: 'test:obstacles',
    search_text: searchTextOf(text),
  };
  async function* batches() {
    yield [{ row, tags: [] }];
  }
  const source = {
    id: 'test:obstacles',
    title: 'Written for the tests (not a real recommendation)',
    url: 'https://example.org/test',
    kind: 'tertiary' as const,
    retrieved: '',
    asOf: null,
    copyOf: null,
  };
  await runUseCase(
    t.db.db,
    importRecommendationsUseCase,
    { dataset: { id: 'test:obstacles', kind: 'test', label: 'written for the tests', contentHash: 'test', source, asOf: null, rejected: 0 }, batches: batches(), linker: referenceLinker() },
    systemContext('test'),
  );
}

for (const dialect of testDialects()) {
  describe(`obstacles to ratification on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const headers: Record<string, Record<string, string>> = {};

    before(async () => {
      t = await seededApp(dialect);
      await loadSnapshot(t.db.db);
      await storeRecommendation(t);
      as = await setUpAskers(t, 'obstacles');
      Object.assign(headers, as.headers);
      headers.ohchr = (await signIn(t.app, await makeAccount(t.db.db, 'obstacles-ohchr@example.org', ['ohchr-editor']))).write;
    });
    after(async () => {
      await t.db.drop();
    });

    const ok = (answer: Answer) => assert.equal(answer.status, 200, answer.text);
    const fields = (answer: Answer) => (answer.body?.error?.details ?? []).map((d: { field: string }) => d.field);
    const create = async (body: Record<string, unknown>) => {
      const answer = await ask(t, 'POST', '/api/v1/obstacles', headers.ohchr!, { source: SOURCE, ...body });
      ok(answer);
      return answer.body.id as string;
    };
    const auditCount = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('audit_record')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const USA_ICESCR = {
      state: 'USA',
      instruments: ['ICESCR'],
      category: 'political-objection',
      description: 'The Government holds that economic, social and cultural rights are goals, not justiciable rights (written for the tests).',
      identified: '2015-09',
      identifiedBy: 'UPR, second cycle',
      evidence: [{ kind: 'upr-response', title: 'Addendum: views on recommendations', url: 'A/HRC/30/12/Add.1', recommendation: RECOMMENDATION, note: 'Noted.' }],
    };

    test("the shipped obstacle: Bhutan's reasons for not acceding to the ICCPR, with the UPR reply it rests on", async () => {
      const bhutan = (await t.get('/api/v1/obstacles/obs-btn-iccpr-2014')).body;
      assert.equal(bhutan.state, 'BTN');
      assert.deepEqual(
        bhutan.instruments.map((i: any) => i.code ?? i),
        ['ICCPR'],
      );
      assert.equal(bhutan.category, 'reporting-burden-and-capacity');
      assert.equal(bhutan.identified, '2014-09-17');
      assert.equal(bhutan.origin, 'reference');
      const [evidence] = bhutan.evidence;
      assert.equal(evidence.kind, 'upr-response');
      assert.match(evidence.title, /^A\/HRC\/27\/8\/Add\.1 \(17 September 2014\)/);
      assert.match(evidence.note, /not considering accession of the ICCPR at the moment/);
      assert.ok(bhutan.sources.length > 0 && bhutan.sources.every((s: any) => s.kind === 'tertiary' && /A\/HRC\/27\/8\/Add\.1/.test(s.copyOf)), 'the copy the text was read in, saying what it copies');
      const gaps = (await t.get('/api/v1/instruments/ICCPR/ratification-gaps')).body;
      assert.ok(JSON.stringify(gaps).includes('BTN'), 'Bhutan, not party to the ICCPR, is in its gaps');
    });

    test('only OHCHR enters obstacles: 401 for the public, 403 for a State editor; every write one audit record', async () => {
      const body = { source: SOURCE, ...USA_ICESCR };
      assert.equal((await ask(t, 'POST', '/api/v1/obstacles', headers.anonymous!, body)).status, 401);
      assert.equal((await ask(t, 'POST', '/api/v1/obstacles', headers.stateEditor!, body)).status, 403);
      const before = await auditCount();
      const id = await create(USA_ICESCR);
      assert.match(id, /^obs-[a-z0-9]{10}$/);
      assert.equal(await auditCount(), before + 1);
      const view = (await ask(t, 'GET', `/api/v1/obstacles/${id}`, headers.anonymous!)).body;
      assert.equal(view.category, 'political-objection');
      assert.equal(view.status, 'stands');
      assert.deepEqual(
        view.instruments.map((i: { code: string }) => i.code),
        ['ICESCR'],
      );
      assert.equal(view.evidence[0].recommendation, RECOMMENDATION);
      assert.equal(view.sources[0].title, SOURCE.title);
      assert.deepEqual(view.ratification, [{ instrument: 'ICESCR', party: false, since: null, precededBy: [] }]);
    });

    test('bad input is refused naming each field, and nothing is stored', async () => {
      const before = await auditCount();
      const wrong = await ask(t, 'POST', '/api/v1/obstacles', headers.ohchr!, { source: SOURCE, ...USA_ICESCR, category: 'bad-weather' });
      assert.equal(wrong.status, 400, wrong.text);
      assert.deepEqual(fields(wrong), ['category']);
      const unknown = await ask(t, 'POST', '/api/v1/obstacles', headers.ohchr!, {
        source: SOURCE,
        ...USA_ICESCR,
        state: 'XXX',
        instruments: ['ICESCR', 'NO-SUCH-TREATY'],
        evidence: [{ kind: 'workshop-conclusions', title: 'Conclusions', url: 'https://example.org/c', event: 'ev-none', recommendation: 'upr-none' }],
      });
      assert.equal(unknown.status, 400, unknown.text);
      assert.deepEqual(fields(unknown).sort(), ['evidence.0.event', 'evidence.0.recommendation', 'instruments.1', 'state']);
      const undated = await ask(t, 'POST', '/api/v1/obstacles', headers.ohchr!, { source: SOURCE, ...USA_ICESCR, status: 'resolved' });
      assert.deepEqual(fields(undated), ['statusDate'], 'a resolved obstacle says when');
      const early = await ask(t, 'POST', '/api/v1/obstacles', headers.ohchr!, { source: SOURCE, ...USA_ICESCR, status: 'resolved', statusDate: '2014' });
      assert.deepEqual(fields(early), ['statusDate'], 'not resolved before it was identified');
      const id = await create({ ...USA_ICESCR, description: 'For the strategy checks' });
      const after = await auditCount();
      const backwards = await ask(t, 'POST', `/api/v1/obstacles/${id}/strategies`, headers.ohchr!, {
        source: SOURCE,
        kind: 'compatibility-study',
        description: 'Study',
        status: 'planned',
        start: '2020-05',
        end: '2019',
        links: [{ kind: 'project', ref: 'prj-none' }],
      });
      assert.equal(backwards.status, 400, backwards.text);
      assert.deepEqual(fields(backwards).sort(), ['end', 'links.0.ref']);
      assert.equal(await auditCount(), after, 'nothing was written');
      assert.equal(after, before + 1);
    });

    test('a restricted obstacle is absent for those not entitled: list, record and gap analysis', async () => {
      const id = await create({ ...USA_ICESCR, category: 'resources', description: 'Restricted note (written for the tests)', confidentiality: 'restricted', audience: ['state:KEN'] });
      for (const who of ['anonymous', 'viewer', 'otherEditor']) {
        assert.equal((await ask(t, 'GET', `/api/v1/obstacles/${id}`, headers[who]!)).status, 404, who);
        const list = await ask(t, 'GET', '/api/v1/obstacles?state=USA', headers[who]!);
        ok(list);
        assert.ok(!list.body.items.some((o: { id: string }) => o.id === id), `${who}: not listed`);
        const gaps = await ask(t, 'GET', `/api/v1/states/USA/ratification-gaps?asOf=${AS_OF}`, headers[who]!);
        ok(gaps);
        const icescr = gaps.body.gaps.find((g: { instrument: { code: string } }) => g.instrument.code === 'ICESCR');
        assert.ok(!icescr.obstacles.some((o: { id: string }) => o.id === id), `${who}: not in the gaps`);
        const csv = await ask(t, 'GET', `/api/v1/states/USA/ratification-gaps/csv?asOf=${AS_OF}`, headers[who]!);
        assert.ok(!csv.text.includes(id), `${who}: not in the CSV`);
        assert.equal(
          (await ask(t, 'PATCH', `/api/v1/obstacles/${id}`, headers[who]!, { source: SOURCE, description: 'x' }, { 'If-Match': '"v1"' })).status,
          404,
          'unseen: 404 before any other answer',
        );
      }
      ok(await ask(t, 'GET', `/api/v1/obstacles/${id}`, headers.stateEditor!));
      const mine = await ask(t, 'GET', `/api/v1/states/USA/ratification-gaps?asOf=${AS_OF}`, headers.admin!);
      assert.ok(mine.body.gaps.find((g: { instrument: { code: string } }) => g.instrument.code === 'ICESCR').obstacles.some((o: { id: string }) => o.id === id));
    });

    test('updates and deletes name the version they read; a resolved obstacle says when', async () => {
      const id = await create({ ...USA_ICESCR, category: 'awareness', description: 'Typo' });
      const path = `/api/v1/obstacles/${id}`;
      assert.equal((await ask(t, 'PATCH', path, headers.ohchr!, { source: SOURCE, description: 'Fixed' })).status, 428);
      const fixed = await ask(t, 'PATCH', path, headers.ohchr!, { source: SOURCE, description: 'Fixed', status: 'resolved', statusDate: '2020-02' }, { 'If-Match': '"v1"' });
      ok(fixed);
      assert.deepEqual(fixed.body.changed.sort(), ['description', 'status', 'statusDate']);
      assert.equal((await ask(t, 'PATCH', path, headers.ohchr!, { source: SOURCE, description: 'Again' }, { 'If-Match': '"v1"' })).status, 412);
      const resolved = await ask(t, 'GET', '/api/v1/obstacles?state=USA&status=resolved', headers.anonymous!);
      assert.deepEqual(
        resolved.body.items.map((o: { id: string }) => o.id),
        [id],
      );
      assert.equal((await ask(t, 'DELETE', path, headers.ohchr!)).status, 428);
      ok(await ask(t, 'DELETE', path, headers.ohchr!, undefined, { 'If-Match': '"v2"' }));
      assert.equal((await ask(t, 'GET', path, headers.admin!)).status, 404);
      const left = await t.db.db.selectFrom('obstacle_evidence').select('id').where('obstacle_id', '=', id).execute();
      assert.equal(left.length, 0);
    });

    test('strategies that preceded a later ratification are computed from the treaty record', async () => {
      // France became party to the ICCPR on 4 November 1980 (UNTC, in the shipped data).
      const france = await ask(t, 'GET', '/api/v1/states/FRA/treaties?asOf=2026-01-01', headers.anonymous!);
      const iccpr = france.body.instruments?.find?.((i: { code: string }) => i.code === 'ICCPR') ?? null;
      const id = await create({ state: 'FRA', instruments: ['ICCPR'], category: 'reservations-sought', description: 'Written for the tests', identified: '1975', identifiedBy: 'Test' });
      const strategy = async (start: string | undefined) => {
        const answer = await ask(t, 'POST', `/api/v1/obstacles/${id}/strategies`, headers.ohchr!, {
          source: SOURCE,
          kind: 'compatibility-study',
          description: 'Study',
          status: 'completed',
          ...(start ? { start } : {}),
        });
        ok(answer);
        return answer.body.id as string;
      };
      const before = await strategy('1978-03');
      const sameYear = await strategy('1980');
      const after = await strategy('1981-01-10');
      const undated = await strategy(undefined);
      const view = (await ask(t, 'GET', `/api/v1/obstacles/${id}`, headers.anonymous!)).body;
      assert.equal(view.strategies.length, 4);
      assert.deepEqual(view.ratification, [{ instrument: 'ICCPR', party: true, since: '1980-11-04', precededBy: [before] }], JSON.stringify(iccpr));
      assert.ok(![sameYear, after, undated].some((s) => view.ratification[0].precededBy.includes(s)), 'only strategies certainly begun before');
      const deleted = await ask(t, 'DELETE', `/api/v1/obstacles/${id}`, headers.ohchr!, undefined, { 'If-Match': '"v1"' });
      assert.equal(deleted.status, 400, 'an obstacle with strategies is not deleted');
      assert.deepEqual(fields(deleted), ['id']);
      const s = await ask(t, 'PATCH', `/api/v1/obstacles/${id}/strategies/${after}`, headers.ohchr!, { source: SOURCE, start: '1979' }, { 'If-Match': '"v1"' });
      ok(s);
      const again = (await ask(t, 'GET', `/api/v1/obstacles/${id}`, headers.anonymous!)).body;
      assert.deepEqual(again.ratification[0].precededBy.sort(), [before, after].sort());
    });

    test('a strategy links to the project that carries it: shown to those who may see it, and the project is not deleted under it', async () => {
      const project = await newProject(t, headers.admin!, 'obstacles-project');
      const id = await create({ ...USA_ICESCR, category: 'awareness', description: 'For the link checks' });
      const made = await ask(t, 'POST', `/api/v1/obstacles/${id}/strategies`, headers.ohchr!, {
        source: SOURCE,
        kind: 'awareness',
        description: 'Briefings of parliamentarians',
        status: 'ongoing',
        links: [{ kind: 'project', ref: project }],
      });
      ok(made);
      const view = (await ask(t, 'GET', `/api/v1/obstacles/${id}/strategies`, headers.anonymous!)).body;
      assert.deepEqual(view.items[0].links, [{ kind: 'project', ref: project, note: null }]);
      const version = (await ask(t, 'GET', `/api/v1/projects/${project}`, headers.admin!)).body.version;
      const refused = await ask(t, 'DELETE', `/api/v1/projects/${project}`, headers.admin!, undefined, { 'If-Match': `"v${version}"` });
      assert.equal(refused.status, 400, refused.text);
      assert.match(refused.text, new RegExp(`strategy ${made.body.id}`));
    });

    test("a State's gaps: the real ICESCR gap of the United States, its recommendation, obstacle and region", async () => {
      const gaps = await ask(t, 'GET', `/api/v1/states/USA/ratification-gaps?asOf=${AS_OF}`, headers.anonymous!);
      ok(gaps);
      const status = (await ask(t, 'GET', `/api/v1/instruments/ICESCR/status?asOf=${AS_OF}`, headers.anonymous!)).body;
      const usa = status.states.find((s: { iso3: string }) => s.iso3 === 'USA');
      assert.equal(usa.status, 'signatory', 'the shipped UNTC data: signed 1977, not ratified');
      const icescr = gaps.body.gaps.find((g: { instrument: { code: string } }) => g.instrument.code === 'ICESCR');
      assert.equal(icescr.status, 'signatory');
      assert.equal(icescr.recommendations.length, 1);
      assert.deepEqual([icescr.recommendations[0].id, icescr.recommendations[0].response], [RECOMMENDATION, 'noted']);
      assert.ok(icescr.obstacles.some((o: { category: string }) => o.category === 'political-objection'));
      assert.ok(!gaps.body.gaps.some((g: { instrument: { code: string } }) => g.instrument.code === 'ICCPR'), 'party to the ICCPR: not a gap');
      assert.equal(gaps.body.principal.length, 18);
      // The region's figures are the treaty-status API's own, over the States of the Americas (M49 019).
      const americas = new Set((await t.db.db.selectFrom('state').select('iso3').where('region_code', '=', '019').execute()).map((s) => s.iso3));
      const inRegion = status.states.filter((s: { iso3: string }) => americas.has(s.iso3));
      const party = inRegion.filter((s: { status: string }) => s.status === 'party').length;
      assert.equal(gaps.body.region.code, '019');
      assert.equal(icescr.region.states, americas.size);
      assert.equal(icescr.region.party, party);
      assert.equal(icescr.region.noData, inRegion.filter((s: { status: string }) => s.status === 'noData').length);
      assert.equal(icescr.region.partyShare, Math.round((party / americas.size) * 1000) / 10);
      const csv = await ask(t, 'GET', `/api/v1/states/USA/ratification-gaps/csv?asOf=${AS_OF}`, headers.anonymous!);
      ok(csv);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const line = csv.text.split('\r\n').find((l) => l.startsWith(`${AS_OF},USA,ICESCR,`));
      assert.ok(line?.includes('political-objection') && line.includes('noted 1'), line);
      assert.equal((await ask(t, 'GET', '/api/v1/states/XXX/ratification-gaps', headers.anonymous!)).status, 404);
    });

    test("an instrument's gaps: States not party by obstacle category, and none recorded as its own group", async () => {
      const gaps = await ask(t, 'GET', `/api/v1/instruments/ICESCR/ratification-gaps?asOf=${AS_OF}`, headers.anonymous!);
      ok(gaps);
      const status = (await ask(t, 'GET', `/api/v1/instruments/ICESCR/status?asOf=${AS_OF}`, headers.anonymous!)).body;
      const notParty = status.states.filter((s: { status: string }) => ['signatory', 'noAction', 'withdrawn'].includes(s.status)).map((s: { iso3: string }) => s.iso3);
      const political = gaps.body.groups.find((g: { category: string }) => g.category === 'political-objection');
      assert.deepEqual(
        political.states.map((s: { iso3: string }) => s.iso3),
        ['USA'],
      );
      assert.ok(!gaps.body.groups.some((g: { category: string }) => g.category === 'no obstacle recorded'));
      const none = gaps.body.noObstacleRecorded.map((s: { iso3: string }) => s.iso3);
      assert.deepEqual([...none, 'USA'].sort(), [...notParty].sort(), 'every State not party is in a group; USA only under its category');
      assert.equal(gaps.body.counts.notParty, notParty.length);
      assert.equal(gaps.body.unknown.length, status.states.filter((s: { status: string }) => s.status === 'noData').length);
      const csv = await ask(t, 'GET', `/api/v1/instruments/ICESCR/ratification-gaps/csv?asOf=${AS_OF}`, headers.anonymous!);
      ok(csv);
      assert.ok(csv.text.includes(`${AS_OF},ICESCR,political-objection,USA,`));
      assert.equal(csv.text.split('\r\n').filter((l) => l.includes(',no obstacle recorded,')).length, none.length);
      assert.equal((await ask(t, 'GET', '/api/v1/instruments/NOPE/ratification-gaps', headers.anonymous!)).status, 404);
    });
  });
}
