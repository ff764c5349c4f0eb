import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classOf, coverageRows } from '../../web/src/features/home/coverage-model.ts';

const state = (iso3: string, name: string) => ({ iso3, iso2: iso3.slice(0, 2), name, region: { code: '150', name: 'Europe' }, regionalGroup: 'WEOG' }) as any;
const mechanism = (code: string, kind: string) => ({ code, kind, acronym: code }) as any;
const source = { title: 'A source', url: 'https://example.org/a', retrieved: '2026-01-01', kind: 'official' as const, asOf: null, copyOf: null };

const rows = coverageRows(
  {
    asOf: '2020-01-01',
    states: [
      {
        iso3: 'AAA',
        mechanisms: [
          { code: 'COURT', basis: 'party', individualComplaints: true, verified: true, sourceIds: ['s1'] },
          { code: 'COMM', basis: 'membership', individualComplaints: true, verified: false, sourceIds: [] },
        ],
        unIndividualProcedures: [],
      },
      {
        iso3: 'BBB',
        mechanisms: [
          { code: 'COURT', basis: 'party', individualComplaints: false, verified: true, sourceIds: ['s1'] },
          { code: 'COMM', basis: 'membership', individualComplaints: true, verified: true, sourceIds: ['missing'] },
        ],
        unIndividualProcedures: [],
      },
      { iso3: 'CCC', mechanisms: [{ code: 'PEER', basis: 'membership', individualComplaints: false, verified: true, sourceIds: [] }], unIndividualProcedures: [] },
      { iso3: 'DDD', mechanisms: [], unIndividualProcedures: [] },
    ],
    uncovered: ['DDD'],
    incomplete: [],
    sources: { s1: source },
  },
  [state('AAA', 'Aland'), state('BBB', 'Bland'), state('CCC', 'Cland'), state('DDD', 'Dland'), state('EEE', 'Eland')],
  [mechanism('COURT', 'court'), mechanism('COMM', 'commission'), mechanism('PEER', 'commission')],
);
const by = new Map(rows.map((r) => [r.iso3, r]));

test('the strongest protection decides the class: a court open to individuals, then a commission that is', () => {
  assert.equal(by.get('AAA')!.kindClass, 'court');
  assert.equal(by.get('BBB')!.kindClass, 'commission', 'a court without individual access does not count as one');
  assert.equal(by.get('CCC')!.kindClass, 'other');
  assert.equal(by.get('DDD')!.kindClass, 'none');
  assert.equal(by.get('EEE')!.kindClass, 'none', 'a State missing from the coverage answer is covered by nothing');
});

test('counts, verification and sources follow the entries', () => {
  assert.deepEqual(
    rows.map((r) => classOf(r, 'count')),
    ['2', '2', '1', '0', '0'],
  );
  assert.equal(by.get('AAA')!.verified, false);
  assert.equal(by.get('BBB')!.verified, true);
  assert.deepEqual(by.get('AAA')!.mechanisms[0]!.sources, [source]);
  assert.deepEqual(by.get('BBB')!.mechanisms[1]!.sources, [], 'an id the answer does not list is dropped, not invented');
});
