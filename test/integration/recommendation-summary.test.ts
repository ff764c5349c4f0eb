// GET /api/v1/recommendations/summary?state= and /api/v1/recommendations/{id}/related on each
// database. The summary's counts are checked against counts this test makes itself from the
// shared UPR Info files (read with csv-parse, years from the sessions' reference dates), and
// rows written for the test (no response, no date) must be counted as such. Related
// recommendations: the ranking functions differ between the databases, so what is checked is
// what does not depend on them: the same text to another State is among the similar ones, one's
// own rows never are, a text sharing only its rare words with another finds it, and the words
// chosen are the same on both.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { storeOwnRows } from '../support/recommendation-rows.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const FILES = ['upr_recs_sessions_01-05.csv', 'upr_recs_sessions_14-17.csv'];
const PLEDGES = ['sessions-18-20', 'upr_voluntary_pledges_sessions_01-19.csv'];

/** Rows to Cuba written for this test: one with no response and no date, one with no response in 2009. */
const OWN = [
  { id: 'test-cub-undated', text: 'A recommendation written for the summary test, with no date and no response', state: 'CUB', date: null, response: null, theme: 'Test texts' },
  { id: 'test-cub-2009', text: 'Another recommendation written for the summary test, without a response', state: 'CUB', date: '2009-02', response: null, theme: 'Test texts' },
];
/** Rows for related recommendations: the same text to two States, a text to the same State sharing its rare words, and one sharing none. */
const RELATED = [
  { id: 'test-rel-ken', text: 'Appoint an ombudsperson for prisons in the Zorvath and Quillane districts', state: 'KEN' },
  { id: 'test-rel-uga', text: 'Appoint an ombudsperson for prisons in the Zorvath and Quillane districts', state: 'UGA' },
  { id: 'test-rel-ken-2', text: 'Fund the Quillane ombudsperson adequately', state: 'KEN' },
  { id: 'test-rel-ken-3', text: 'Protect mountain gorillas everywhere', state: 'KEN' },
];

type Count = { year: string | null; value: string | null; count: number };

/** Counts made here from the files, as the summary should give them for one State. */
function expectedFor(state: string) {
  const sessionYear = new Map<string, string>();
  for (const s of parse(readFileSync(new URL('../../data/reference/upr-sessions.csv', import.meta.url)), { columns: true }) as { session: string; start: string }[])
    sessionYear.set(s.session, s.start.slice(0, 4));
  const response = new Map<string, number>();
  const themes = new Map<string, number>();
  for (const file of FILES) {
    for (const r of parse(readFileSync(sharedDataPath('upr-info-terman', file)), { columns: true, bom: true }) as Record<string, string>[]) {
      if (r.To !== state) continue;
      const year = sessionYear.get(r.Session!)!;
      const key = `${year}|${r.Response === 'Accepted' ? 'supported' : r.Response === 'Noted' ? 'noted' : r.Response}`;
      response.set(key, (response.get(key) ?? 0) + 1);
      for (const issue of new Set(
        r
          .Issue!.split(',')
          .map((i) => i.trim())
          .filter(Boolean),
      ))
        themes.set(issue, (themes.get(issue) ?? 0) + 1);
    }
  }
  const pledges = (parse(readFileSync(sharedDataPath('upr-info-terman', ...PLEDGES)), { columns: true, bom: true }) as Record<string, string>[]).filter((r) => r.To === state).length;
  return { response, themes, pledges };
}

const wordsFound = new Map<string, string[]>();

for (const dialect of testDialects()) {
  describe(`a State's summary and related recommendations on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const errors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, errors);
      for (const file of FILES) await importUprInfo(t.db.db, sharedDataPath('upr-info-terman', file));
      await importUprInfo(t.db.db, sharedDataPath('upr-info-terman', ...PLEDGES));
      await storeOwnRows(t.db.db, 'test:summary', OWN);
      await storeOwnRows(t.db.db, 'test:related', RELATED);
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await t.db.drop();
    });

    test("Cuba's counts per year and response are the files' own, rows with no response or no date counted as such", async () => {
      const r = await t.get('/api/v1/recommendations/summary?state=CUB');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const expected = expectedFor('Cuba');
      const fromFiles = (r.body.byResponse as Count[]).filter((c) => c.value !== null);
      assert.deepEqual(Object.fromEntries(fromFiles.map((c) => [`${c.year}|${c.value}`, c.count])), Object.fromEntries([...expected.response].sort()));
      assert.deepEqual(
        (r.body.byResponse as Count[]).filter((c) => c.value === null),
        [
          { year: '2009', value: null, count: 1 },
          { year: null, value: null, count: 1 },
        ],
        'no response is null, never a response; no date is a year null',
      );
      const fileTotal = [...expected.response.values()].reduce((a, b) => a + b, 0);
      assert.equal(r.body.recommendations, fileTotal + OWN.length);
      assert.deepEqual(
        (r.body.byMechanism as Count[]).map((c) => [c.year, c.value]),
        [
          ['2009', 'UPR'],
          ['2013', 'UPR'],
          [null, 'UPR'],
        ],
      );
      assert.ok(expected.pledges > 0, 'Cuba made voluntary pledges');
      assert.equal(r.body.pledges, expected.pledges, 'pledges counted apart');
      assert.equal(
        (r.body.pledgesByYear as { count: number }[]).reduce((n, p) => n + p.count, 0),
        expected.pledges,
      );
    });

    test("Cuba's most frequent themes, each with its count, and per year for those", async () => {
      const r = await t.get('/api/v1/recommendations/summary?state=CUB');
      const { themes } = expectedFor('Cuba');
      const listed = r.body.themes as { value: string; count: number }[];
      assert.equal(listed.length, 8);
      for (const theme of listed) assert.equal(theme.count, themes.get(theme.value), theme.value);
      const smallest = listed.at(-1)!.count;
      for (const [theme, count] of themes) if (!listed.some((l) => l.value === theme)) assert.ok(count <= smallest, `${theme} (${count}) is more frequent than a listed theme`);
      for (const theme of listed) {
        const perYear = (r.body.byTheme as Count[]).filter((c) => c.value === theme.value);
        assert.equal(
          perYear.reduce((n, c) => n + c.count, 0),
          theme.count,
          `${theme.value}: the years add up`,
        );
      }
    });

    test('a State with none has zero counts; an unknown State is a 404, a malformed one a 400', async () => {
      const none = await t.get('/api/v1/recommendations/summary?state=NIU');
      assert.equal(none.status, 200);
      assert.equal(none.body.recommendations, 0);
      assert.deepEqual(none.body.byResponse, []);
      assert.equal((await t.get('/api/v1/recommendations/summary?state=XXX')).status, 404);
      const bad = await t.get('/api/v1/recommendations/summary?state=cuba');
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(bad.body), /state/);
      assert.equal((await t.get('/api/v1/recommendations/summary')).status, 400);
    });

    test('related: the same text to another State is among the similar ones; own rows never are', async () => {
      const r = await t.get('/api/v1/recommendations/test-rel-ken/related');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const similar = (r.body.similar as { id: string }[]).map((s) => s.id);
      const sameState = (r.body.sameState as { id: string; state: { iso3: string } }[]).map((s) => s.id);
      assert.ok(similar.includes('test-rel-uga'), `the same text to Uganda: ${similar}`);
      assert.ok(!similar.includes('test-rel-ken') && !sameState.includes('test-rel-ken'), 'not its own row');
      assert.ok(sameState.includes('test-rel-ken-2'), 'the text to Kenya sharing its rare words');
      assert.ok(!sameState.includes('test-rel-uga'), 'only Kenya in the same-State list');
      assert.ok(!sameState.includes('test-rel-ken-3') && !similar.includes('test-rel-ken-3'), 'a text sharing no word is not similar');
      assert.ok(r.body.similar.length <= 10 && r.body.sameState.length <= 10);
      assert.ok((r.body.words as string[]).includes('zorvath') && (r.body.words as string[]).includes('quillane'));
      wordsFound.set(dialect, r.body.words);
    });

    test('related, on the shared data: a joint recommendation finds its text to no other State as its own row', async () => {
      const page = await t.get('/api/v1/recommendations?state=CUB&q=torture&limit=1&facets=false');
      const id = page.body.items[0].id as string;
      const r = await t.get(`/api/v1/recommendations/${id}/related`);
      assert.equal(r.status, 200);
      const group = page.body.items[0].groupKey;
      for (const item of [...r.body.similar, ...r.body.sameState]) assert.notEqual(item.groupKey, group, 'none of its own rows');
      for (const item of r.body.sameState) assert.equal(item.state.iso3, 'CUB');
      assert.equal((await t.get('/api/v1/recommendations/upr-nothing/related')).status, 404);
    });
  });
}

describe('related recommendations on both databases', () => {
  test('the words chosen are the same', () => {
    const [a, b] = [...wordsFound.values()];
    if (!a || !b) return;
    assert.deepEqual(a, b);
  });
});
