// GET /api/v1/recommendations on each database: full-text search that finds the same rows on
// both (English from the shared UPR Info exports; Arabic, Chinese and French texts written for
// this test, including two-character Chinese words), facets whose counts agree with the rows,
// each facet ignoring its own filter, keyset pages that neither repeat nor skip a row however
// deep, one recommendation with every source row of its text, and clear refusals.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import type { RecommendationInput } from '../../src/modules/recommendations/repository.ts';
import { searchTextOf } from '../../src/modules/recommendations/search-text.ts';
import { importRecommendationsUseCase } from '../../src/modules/recommendations/write.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

/** Texts written for this test (not real recommendations), in the languages the shared data lack. */
const OWN_TEXTS: [string, string, string][] = [
  ['ar', 'test-ar-1', 'التصديق على البروتوكول الاختياري لاتفاقية مناهضة التعذيب'],
  ['ar', 'test-ar-2', 'تعزيز حقوق الإنسان للنساء والأطفال'],
  ['zh', 'test-zh-1', '批准禁止酷刑公约任择议定书'],
  ['zh', 'test-zh-2', '加强妇女和儿童的人权保护'],
  ['zh', 'test-zh-3', '保护人民的权利'],
  ['fr', 'test-fr-1', 'Ratifier le Protocole facultatif se rapportant à la Convention contre la torture'],
];

async function storeOwnTexts(t: TestApp): Promise<void> {
  const inputs: RecommendationInput[] = OWN_TEXTS.map(([lang, id, text], i) => ({
    row: {
      id,
      dataset_id: 'test:own-texts',
      source_row: i + 2,
      kind: 'recommendation',
      mechanism: 'UPR',
      state_iso3: 'KEN',
      state_group: 'Africa',
      state_orgs: '[]',
      recommender_iso3: 'FRA',
      recommender_name: 'France',
      recommender_group: 'WEOG',
      recommender_orgs: '[]',
      cycle: null,
      session: 99,
      date: '2030',
      sort_date: '2030',
      document_symbol: null,
      text,
      text_lang: lang,
      response: null,
      response_source: null,
      action_category: null,
      themes_source: '["Test texts"]',
      group_key: id,
      source_id: 'test:own-texts',
      search_text: searchTextOf(text),
    },
    tags: [{ kind: 'theme', value: 'Test texts' }],
  }));
  async function* batches() {
    yield inputs;
  }
  await runUseCase(
    t.db.db,
    importRecommendationsUseCase,
    {
      dataset: {
        id: 'test:own-texts',
        kind: 'test',
        label: 'texts written for the search test',
        contentHash: 'test',
        source: {
          id: 'test:own-texts',
          title: 'Texts written for the search test (not real recommendations)',
          url: 'https://example.org/test',
          kind: 'tertiary',
          retrieved: '',
          asOf: null,
          copyOf: null,
        },
        asOf: null,
        rejected: 0,
      },
      batches: batches(),
    },
    systemContext('test'),
  );
}

interface Item {
  id: string;
  text: string;
  state: { iso3: string };
  session: number | null;
  response: string | null;
  themes: string[];
  groupKey: string;
}
interface Page {
  total: number;
  facets: Record<string, { value: string; label: string; count: number }[]> | null;
  items: Item[];
  next: string | null;
}

const results = new Map<string, Map<string, string[]>>();

for (const dialect of testDialects()) {
  describe(`searching recommendations on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const errors: string[] = [];
    const found = new Map<string, string[]>();
    results.set(dialect, found);
    const search = async (query: string): Promise<Page> => {
      const r = await t.get(`/api/v1/recommendations?${query}`);
      assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body as Page;
    };
    const idsOf = async (q: string) => {
      const page = await search(`q=${encodeURIComponent(q)}&limit=200&facets=false`);
      const ids = page.items.map((i) => i.id).sort();
      found.set(q, ids);
      return ids;
    };

    before(async () => {
      t = await seededApp(dialect, errors);
      await importUprInfo(t.db.db, sharedDataPath('upr-info-terman', 'upr_recs_sessions_01-05.csv'));
      await importUprInfo(t.db.db, sharedDataPath('upr-info-terman', 'sessions-18-20', 'upr_voluntary_pledges_sessions_01-19.csv'));
      await storeOwnTexts(t);
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await t.db.drop();
    });

    test('Arabic and Chinese words, two-character Chinese words as written, French without its accents', async () => {
      assert.deepEqual(await idsOf('التعذيب'), ['test-ar-1']);
      assert.deepEqual(await idsOf('حقوق الإنسان'), ['test-ar-2'], 'hamza folded: الإنسان');
      assert.deepEqual(await idsOf('酷刑'), ['test-zh-1']);
      assert.deepEqual(await idsOf('人权'), ['test-zh-2'], 'the two characters together, not 人民的权利');
      assert.deepEqual(await idsOf('权人'), [], 'in that order only');
      assert.deepEqual(await idsOf('儿童 保护'), ['test-zh-2']);
      assert.deepEqual(await idsOf('se rapportant a la CONVENTION'), ['test-fr-1']);
    });

    test('English words of the shared texts: every word must be there; the count is every matching row', async () => {
      const torture = await search('q=torture&facets=false&limit=5');
      const tortureAndWomen = await search('q=torture%20women&facets=false&limit=5');
      assert.ok(torture.total > 100, `${torture.total} texts with "torture"`);
      assert.ok(tortureAndWomen.total < torture.total && tortureAndWomen.total > 0);
      for (const item of torture.items) assert.match(item.text.toLowerCase(), /torture/);
      const everything = (await search('facets=false&limit=1')).total;
      assert.equal((await search('q=%22%2A%28%29%3A%5E-%26%7C!&facets=false')).total, everything, 'the syntax of either engine is no word: no error, no filter');
      const quoted = await search(`q=${encodeURIComponent('torture" OR "women')}&facets=false`);
      assert.ok(quoted.total <= tortureAndWomen.total, 'quotes and OR are words like any other, not syntax');
    });

    test('facets count the matching rows; each facet ignores its own filter', async () => {
      const page = await search('q=torture&state=BRA');
      const facets = page.facets!;
      const total = page.total;
      assert.equal(
        facets.response!.reduce((n, f) => n + f.count, 0),
        total,
        'responses of the matches add up',
      );
      assert.ok(facets.state!.length > 1, 'the state facet lists other States too');
      assert.ok(total > 0, 'Brazil received recommendations on torture in its first review');
      assert.equal(facets.state!.find((f) => f.value === 'BRA')?.count, total);
      assert.equal(facets.state!.find((f) => f.value === 'BRA')?.label, 'Brazil');
      const noted = await search('q=torture&state=BRA&response=noted&facets=false');
      assert.equal(noted.total, facets.response!.find((f) => f.value === 'noted')?.count ?? 0);
      const sessions = (await search('kind=recommendation')).facets!.session!;
      assert.deepEqual(sessions.map((s) => s.value).sort(), ['1', '2', '3', '4', '5', '99']);
      const theme = await search('theme=Death%20penalty&facets=false&limit=200');
      for (const item of theme.items) assert.ok(item.themes.includes('Death penalty'));
    });

    test('keyset pages: every matching row once, in order, however deep', async () => {
      const all: string[] = [];
      let after = '';
      let pages = 0;
      do {
        const page = await search(`q=rights&sort=oldest&limit=150&facets=false${after ? `&after=${after}` : ''}`);
        all.push(...page.items.map((i) => i.id));
        after = page.next ?? '';
        pages += 1;
      } while (after && pages < 200);
      const total = (await search('q=rights&facets=false&limit=1')).total;
      assert.equal(all.length, total, 'no row skipped');
      assert.equal(new Set(all).size, total, 'no row repeated');
      const refused = await t.get('/api/v1/recommendations?after=not-a-cursor');
      assert.equal(refused.status, 400);
      assert.match(JSON.stringify(refused.body), /after/);
    });

    test('exports: every matching row as CSV and as JSON Lines, each with the link of its page', async () => {
      const total = (await search('state=CUB&facets=false&limit=1')).total;
      const csv = await t.app.request('/api/v1/recommendations/export/csv?state=CUB&lang=fr');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-disposition') ?? '', /accord-recommendations\.csv/);
      const records = parse(await csv.text(), { columns: true, bom: true }) as Record<string, string>[];
      assert.equal(records.length, total, 'every matching row, no cap');
      assert.ok(records.every((r) => r.state_iso3 === 'CUB' && /\/fr\/recommendations\/upr-/.test(r.link!)));
      assert.equal(records[0]!.source_kind, 'secondary');
      const lines = (await (await t.app.request('/api/v1/recommendations/export/jsonl?state=CUB&q=rights')).text()).trim().split('\n');
      assert.equal(lines.length, (await search('state=CUB&q=rights&facets=false&limit=1')).total);
      assert.equal(JSON.parse(lines[0]!).state.iso3, 'CUB');
      assert.equal((await t.app.request('/api/v1/recommendations/export/xml')).status, 400);
      assert.equal((await t.app.request('/api/v1/recommendations/export/csv?limit=5')).status, 400, 'an export has no page size');
    });

    test('one recommendation shows every source row of its text; an unknown id is a 404', async () => {
      const joint = await search('state=CUB&limit=200&facets=false&sort=oldest');
      const byGroup = new Map<string, number>();
      for (const i of joint.items) byGroup.set(i.groupKey, (byGroup.get(i.groupKey) ?? 0) + 1);
      const shared = joint.items.find((i) => (byGroup.get(i.groupKey) ?? 0) > 1);
      assert.ok(shared, 'Cuba received the same text from several States');
      const detail = await t.get(`/api/v1/recommendations/${shared.id}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.sameText.length, byGroup.get(shared.groupKey));
      assert.equal(detail.body.source.kind, 'secondary');
      assert.equal((await t.get('/api/v1/recommendations/upr-nothing')).status, 404);
      assert.equal((await t.get('/api/v1/recommendations?state=kenya')).status, 400);
    });
  });
}

describe('both databases find the same rows', () => {
  test('for every query above', () => {
    const [a, b] = [...results.values()];
    if (!a || !b) return;
    assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
  });
});
