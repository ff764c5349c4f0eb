import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldForSearch } from '../../src/shared/text.ts';

test('folding removes case and diacritics in every script we serve', () => {
  assert.equal(foldForSearch('Côte  d’Ivoire'), 'cote d’ivoire');
  assert.equal(foldForSearch('TÜRKİYE'), foldForSearch('turkiye'));
  assert.equal(foldForSearch('Россия'), 'россия');
  assert.equal(foldForSearch('الْمَغْرِب'), 'المغرب');
  assert.equal(foldForSearch('法国'), '法国');
});

test('names lose the sorting article UN lists put after them, and nothing else', async () => {
  const { withoutSortingArticle } = await import('../../src/shared/text.ts');
  assert.equal(withoutSortingArticle('Syrian Arab Republic (the)'), 'Syrian Arab Republic');
  assert.equal(withoutSortingArticle('France (la)'), 'France');
  assert.equal(withoutSortingArticle('Bahamas (las)'), 'Bahamas');
  assert.equal(withoutSortingArticle('Iran (Islamic Republic of)'), 'Iran (Islamic Republic of)');
  assert.equal(withoutSortingArticle('Bolivia (Plurinational State of)'), 'Bolivia (Plurinational State of)');
});
