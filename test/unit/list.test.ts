import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paginate, type Sortable } from '../../src/server/http/list.ts';
import { ValidationError } from '../../src/shared/errors.ts';

type Item = { name: string; n: number | null };
const items: Item[] = [
  { name: 'Éthiopie', n: 3 },
  { name: 'Albanie', n: null },
  { name: 'Zambie', n: 1 },
  { name: 'Chili', n: 2 },
];
const sortable: Sortable<Item> = { name: (i) => i.name, n: (i) => i.n };

test('sorts with the language collation, descending with "-", nulls last', () => {
  assert.deepEqual(
    paginate(items, { lang: 'fr' }, sortable, 'name').items.map((i) => i.name),
    ['Albanie', 'Chili', 'Éthiopie', 'Zambie'],
  );
  assert.deepEqual(
    paginate(items, { lang: 'fr', sort: '-n' }, sortable, 'name').items.map((i) => i.n),
    [3, 2, 1, null],
  );
});

test('cursor pages cover every item once, and the last page has no next', () => {
  const first = paginate(items, { lang: 'en', limit: 3 }, sortable, 'name');
  assert.equal(first.total, 4);
  assert.equal(first.items.length, 3);
  assert.ok(first.next);
  const second = paginate(items, { lang: 'en', limit: 3, cursor: first.next! }, sortable, 'name');
  assert.deepEqual(
    second.items.map((i) => i.name),
    ['Zambie'],
  );
  assert.equal(second.next, null);
});

test('an unknown sort field or a forged cursor is a validation error naming the parameter', () => {
  assert.throws(
    () => paginate(items, { lang: 'en', sort: 'secret' }, sortable, 'name'),
    (e: ValidationError) => e.details[0]?.parameter === 'sort',
  );
  assert.throws(
    () => paginate(items, { lang: 'en', cursor: 'bm9wZQ' }, sortable, 'name'),
    (e: ValidationError) => e.details[0]?.parameter === 'cursor',
  );
});

test('a member every object inherits (constructor, __proto__, toString) is no sort field', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    assert.throws(
      () => paginate(items, { lang: 'en', sort: name }, sortable, 'name'),
      (e: ValidationError) => e.details[0]?.parameter === 'sort',
      name,
    );
    assert.throws(() => paginate(items, { lang: 'en', sort: `-${name}` }, sortable, 'name'), ValidationError, name);
  }
});
