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
