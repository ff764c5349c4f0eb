// The report's composer, without a database: the vocabularies' words are the web app's words
// (one concept, one name), paragraphs are cited as UN texts cite them, and the sources annex
// numbers a source once however often it is cited.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { paragraphCited } from '../../src/modules/report/compose/context.ts';
import { formatFor, SourceIndex } from '../../src/modules/report/compose/format.ts';
import { PHRASES } from '../../src/modules/report/compose/phrases/index.ts';
import { VOCABULARY_PREFIXES, VOCABULARY_WORDS, type VocabularyName } from '../../src/modules/report/compose/vocabulary-words.ts';
import { REPORT_LANGUAGES } from '../../src/modules/report/document/model.ts';

const WEB_I18N = join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n');

test("the report names each vocabulary's values with the web app's words, in the six languages", () => {
  for (const lang of REPORT_LANGUAGES) {
    const messages = JSON.parse(readFileSync(join(WEB_I18N, `${lang}.json`), 'utf8')) as Record<string, string>;
    for (const [name, prefix] of Object.entries(VOCABULARY_PREFIXES) as [VocabularyName, string][]) {
      const web = Object.fromEntries(
        Object.entries(messages)
          .filter(([k]) => k.startsWith(prefix))
          .map(([k, v]) => [k.slice(prefix.length), v]),
      );
      assert.ok(Object.keys(web).length > 0, `${lang}: the web app names ${name}`);
      assert.deepEqual(VOCABULARY_WORDS[lang][name], web, `${lang} ${name}: regenerate vocabulary-words.ts from web/src/i18n`);
    }
  }
});

test('a paragraph is cited as the resolution numbers it', () => {
  assert.equal(paragraphCited('op13'), '13');
  assert.equal(paragraphCited('op5a'), '5 (a)');
  assert.equal(paragraphCited('B-op3'), '3');
  assert.equal(paragraphCited('pp2'), 'pp2', 'a preambular paragraph is left as its anchor');
});

test('the annex numbers each source once, in the order first cited, and a footnote names the numbers in the language', () => {
  const index = new SourceIndex();
  const a = { title: 'Depositary table', url: 'https://example.org/a', kind: 'official' };
  const b = { id: 'x', title: 'Press release', url: 'https://example.org/b', kind: 'secondary' };
  const bAgain = { id: 'y', title: 'Press release', url: 'https://example.org/b', kind: 'secondary' };
  const en = formatFor('en', PHRASES.en);
  assert.deepEqual(index.footnote([b, a], PHRASES.en, en), [{ text: 'Sources: annex, nos. 1 and 2.' }]);
  assert.deepEqual(index.footnote([bAgain], PHRASES.en, en), [{ text: 'Sources: annex, no. 1.' }], 'one document under two ids is one source');
  assert.equal(index.entries.length, 2);
  assert.equal(index.footnote([], PHRASES.en, en), undefined, 'no sources, no footnote');
});

test('numbers and dates are written in the report language, Arabic with Latin digits', () => {
  assert.equal(formatFor('en', PHRASES.en).number(1234), '1,234');
  assert.equal(formatFor('ar', PHRASES.ar).number(1234).replace(/\D/g, ''), '1234');
  assert.equal(formatFor('en', PHRASES.en).date('2006-06-30'), '30 June 2006');
  assert.equal(formatFor('fr', PHRASES.fr).date('2006-06-30'), '30 juin 2006');
  assert.equal(formatFor('en', PHRASES.en).date('1993'), '1993', 'a year stays a year');
  assert.equal(formatFor('en', PHRASES.en).date('1999-11'), 'November 1999', 'a month is written as one');
  assert.equal(formatFor('en', PHRASES.en).figure({ value: null, why: 'x', api: null, sources: [] }), PHRASES.en.noData);
});
