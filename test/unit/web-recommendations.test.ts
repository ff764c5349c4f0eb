// The recommendations page's logic as pure functions: the words a query found, marked as the
// server matched them (whole words, folded for case, accents and Arabic letter forms; Chinese
// phrases of consecutive characters), with nothing of the text lost or read as markup; the
// search as the address holds it; joint recommendations shown as one item.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchTextOf } from '../../src/shared/full-text.ts';
import { highlightQuery, type TextPart, wordsOf } from '../../web/src/features/recommendations/highlight.ts';
import {
  apiParams,
  filtersOf,
  groupedByText,
  orderedValues,
  queryOf,
  shortList,
  sortOf,
  withQuery,
  withSelected,
  withSort,
  withToggled,
  withoutFilters,
} from '../../web/src/features/recommendations/search-model.ts';

const marked = (parts: TextPart[]) => parts.filter((p) => p.marked).map((p) => p.text);
const joined = (parts: TextPart[]) => parts.map((p) => p.text).join('');

test('a query word is marked wherever the text has it as a whole word, whatever its case', () => {
  const text = 'Ratify the Optional Protocol to the Convention against Torture; prevent torture and tortured detainees';
  const parts = highlightQuery(text, 'torture');
  assert.deepEqual(marked(parts), ['Torture', 'torture']);
  assert.equal(joined(parts), text);
});

test('every word of the query is marked, each on its own', () => {
  const parts = highlightQuery('Abolish the death penalty. Death row inmates', 'death PENALTY');
  assert.deepEqual(marked(parts), ['death', 'penalty', 'Death']);
  assert.deepEqual(
    parts.map((p) => [p.text, p.marked]),
    [
      ['Abolish the ', false],
      ['death', true],
      [' ', false],
      ['penalty', true],
      ['. ', false],
      ['Death', true],
      [' row inmates', false],
    ],
  );
});

test('accents and capitals do not matter, in either the text or the query', () => {
  assert.deepEqual(marked(highlightQuery("Coopérer avec l'État et la Côte d’Ivoire", 'etat cote cooperer')), ['Coopérer', 'État', 'Côte']);
  // The same letters written with combining accents (NFD) are found, and the text keeps them.
  const decomposed = 'Cote\u0301 de\u0301cision';
  assert.deepEqual(marked(highlightQuery(decomposed, 'DÉCISION')), ['de\u0301cision']);
  assert.deepEqual(marked(highlightQuery('Россия и ЕВРОПА', 'европа')), ['ЕВРОПА']);
});

test('Arabic: diacritics, the tatweel, and ta marbuta or alef maqsura typed as ha or ya', () => {
  const text = 'تعزيز الحُرِّيَّة وحمايـــة المرأة في مصر على الفور';
  assert.deepEqual(marked(highlightQuery(text, 'الحريه')), ['الحُرِّيَّة']);
  // A word with a prefix (و) is another word, in the index as here.
  assert.deepEqual(marked(highlightQuery(text, 'حماية')), []);
  assert.deepEqual(marked(highlightQuery(text, 'علي')), ['على']);
  assert.deepEqual(marked(highlightQuery('حمايـــة المرأة', 'حمايه')), ['حمايـــة']);
});

test('Chinese: a run of characters is a phrase of consecutive characters, marked as one', () => {
  const text = '保护人权和基本自由，人与权利';
  assert.deepEqual(marked(highlightQuery(text, '人权')), ['人权']);
  // 人 and 权 apart do not make the phrase 人权.
  assert.deepEqual(marked(highlightQuery('人与权利', '人权')), []);
  // Letters around Chinese characters are words of their own, as in the index.
  assert.deepEqual(marked(highlightQuery('UPR人权理事会', 'upr')), ['UPR']);
});

test('nothing of the text is lost or taken for markup: parts are plain strings', () => {
  const text = '<script>alert("torture")</script> & <b>torture</b> &amp;';
  const parts = highlightQuery(text, 'torture');
  assert.equal(joined(parts), text);
  assert.deepEqual(marked(parts), ['torture', 'torture']);
  assert.ok(parts.some((p) => !p.marked && p.text.includes('<script>')));
});

test('no query, or one without a word, marks nothing', () => {
  assert.deepEqual(highlightQuery('Some text', ''), [{ text: 'Some text', marked: false }]);
  assert.deepEqual(highlightQuery('Some text', '  !!! ,, '), [{ text: 'Some text', marked: false }]);
  assert.deepEqual(highlightQuery('', 'text'), []);
});

test("the text's words are the words the index holds for it", () => {
  const texts = [
    "Ratify the OP-CAT, the ICCPR's 2nd Optional Protocol (1989) and ½ of the CRC",
    'Coopérer pleinement avec l’État ﬁnancier',
    'تعزيز الحُرِّيَّة وحمايـــة المرأة',
    'UPR人权理事会第19届会议',
    'Защищать права ребёнка',
  ];
  for (const text of texts) {
    const index = searchTextOf(text)
      .split(/[^\p{L}\p{N}\p{M}]+/u)
      .filter((w) => w !== '');
    assert.deepEqual(
      wordsOf(text).flatMap((w) => w.folded),
      index,
      text,
    );
  }
});

test('the search lives in the address, in the API’s own parameters', () => {
  const params = new URLSearchParams('q=torture&state=UZB,KEN&theme=Detention&sort=oldest&foo=bar');
  assert.equal(queryOf(params), 'torture');
  assert.equal(sortOf(params), 'oldest');
  assert.equal(sortOf(new URLSearchParams('sort=sideways')), 'newest');
  const filters = filtersOf(params);
  assert.deepEqual(filters.state, ['UZB', 'KEN']);
  assert.deepEqual(filters.theme, ['Detention']);
  assert.deepEqual(filters.recommender, []);
  assert.deepEqual(apiParams(queryOf(params), filters, sortOf(params)), { q: 'torture', state: 'UZB,KEN', theme: 'Detention', sort: 'oldest' });
  assert.deepEqual(apiParams('', filtersOf(new URLSearchParams()), 'newest'), {});
  // Control characters only come from a hand-made address.
  assert.equal(queryOf(new URLSearchParams('q=%00tor%0Dture%20')), 'tor ture');
});

test('ticking and unticking a value, clearing the filters, a new query, another order', () => {
  const params = new URLSearchParams('q=torture&state=UZB');
  const ticked = withToggled(params, 'state', 'KEN');
  assert.equal(ticked.get('state'), 'UZB,KEN');
  const unticked = withToggled(withToggled(ticked, 'state', 'UZB'), 'state', 'KEN');
  assert.equal(unticked.has('state'), false);
  assert.equal(unticked.get('q'), 'torture');
  const both = withToggled(withToggled(params, 'theme', 'Justice'), 'response', 'noted');
  assert.deepEqual(Object.fromEntries(withoutFilters(both)), { q: 'torture' });
  assert.deepEqual(Object.fromEntries(withoutFilters(both, true)), {});
  assert.equal(withQuery(params, '  death penalty ').get('q'), 'death penalty');
  assert.equal(withQuery(params, '   ').has('q'), false);
  assert.equal(withSort(params, 'oldest').get('sort'), 'oldest');
  assert.equal(withSort(withSort(params, 'oldest'), 'newest').has('sort'), false);
});

test('rows of one text to one State in one session are one item, where the first of them is', () => {
  const row = (id: string, groupKey: string) => ({ id, groupKey });
  const groups = groupedByText([row('a', 'g1'), row('b', 'g2'), row('c', 'g1'), row('d', 'g3'), row('a', 'g1'), row('e', 'g2')]);
  assert.deepEqual(
    groups.map((g) => [g.key, g.rows.map((r) => r.id)]),
    [
      ['g1', ['a', 'c']],
      ['g2', ['b', 'e']],
      ['g3', ['d']],
    ],
  );
});

test('facet values: numbers in their order, a short list keeps ticked values, a ticked value nothing matches is listed', () => {
  const values = [
    { value: '12', label: '12', count: 9 },
    { value: '2', label: '2', count: 5 },
    { value: '7', label: '7', count: 1 },
  ];
  assert.deepEqual(
    orderedValues('session', values).map((v) => v.value),
    ['2', '7', '12'],
  );
  assert.deepEqual(
    orderedValues('state', values).map((v) => v.value),
    ['12', '2', '7'],
  );
  assert.deepEqual(
    shortList(values, ['7'], 1).map((v) => v.value),
    ['12', '7'],
  );
  assert.deepEqual(withSelected(values, ['2', 'VAT']).at(-1), { value: 'VAT', label: 'VAT', count: 0 });
  assert.equal(withSelected(values, ['2']).length, 3);
});
