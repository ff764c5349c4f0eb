// Every interface string exists in the six languages, with the same placeholders as English
// and every plural form the language's rules ask for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LANGS } from '../../src/shared/text.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const LOCALES: Record<string, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', zh: 'zh-CN', ar: 'ar' };

function load(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../web/src/i18n/${lang}.json`, import.meta.url), 'utf8'));
}

const english = load('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const baseKeys = (dictionary: Record<string, string>) => new Set(Object.keys(dictionary).map((k) => k.replace(PLURAL, '')));
const pluralBases = [
  ...new Set(
    Object.keys(english)
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, '')),
  ),
];

for (const lang of LANGS) {
  test(`${lang}: every key, the same placeholders, all plural forms`, () => {
    const dictionary = load(lang);
    assert.deepEqual([...baseKeys(dictionary)].sort(), [...baseKeys(english)].sort());
    for (const [key, text] of Object.entries(dictionary)) {
      assert.ok(text.trim(), `${lang} ${key} is empty`);
      const model = english[key] ?? english[key.replace(PLURAL, '_other')];
      assert.ok(model !== undefined, `${lang} ${key} has no English counterpart`);
      assert.deepEqual(placeholders(text), placeholders(model!), `${lang} ${key} placeholders`);
    }
    const categories = new Intl.PluralRules(LOCALES[lang]).resolvedOptions().pluralCategories;
    for (const base of pluralBases) {
      for (const category of categories) assert.ok(dictionary[`${base}_${category}`] ?? (category === 'many' && dictionary[`${base}_other`]), `${lang} ${base}_${category} missing`);
    }
  });
}

// French shares words such as "Instruments" or "Sources" with English; a dictionary left
// mostly untranslated would not pass.
test('no language is a copy of English', () => {
  for (const lang of LANGS.filter((l) => l !== 'en')) {
    const dictionary = load(lang);
    const same = Object.keys(english).filter((k) => dictionary[k] === english[k] && /[a-z]{4}/.test(english[k]!));
    assert.ok(same.length < Object.keys(english).length / 10, `${lang} repeats English for ${same.join(', ')}`);
  }
});
