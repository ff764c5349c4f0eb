// Which name a list shows for an instrument in each language, and in which language it is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instrumentName } from '../../web/src/components/instrument-name.ts';

const iccpr = { title: 'Pacte international relatif aux droits civils et politiques', titleLang: 'fr', shortTitle: 'ICCPR', shortTitleLang: 'en' };

test("a full title in the reader's language beats a short title in another", () => {
  assert.deepEqual(instrumentName(iccpr, 'fr'), { text: iccpr.title, lang: 'fr' });
});

test("a short title in the reader's language is used", () => {
  assert.deepEqual(instrumentName({ ...iccpr, title: 'International Covenant on Civil and Political Rights', titleLang: 'en' }, 'en'), { text: 'ICCPR', lang: 'en' });
});

test("with neither in the reader's language, the short title keeps its own language", () => {
  assert.deepEqual(instrumentName({ title: 'Arab Charter on Human Rights', titleLang: 'en', shortTitle: 'Arab Charter', shortTitleLang: 'en' }, 'ru'), { text: 'Arab Charter', lang: 'en' });
});
