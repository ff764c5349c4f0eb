// The edit forms' own rules, without a browser: what they refuse before sending (by the API's
// rules), the bodies they send (only the fields changed, nested names, nulls for emptied or
// hidden fields, who may see the record only when that changed), and what a history entry changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changesOf } from '../../web/src/features/edits/history-changes.ts';
import { accessBody, accessProblems, createBody, emptySource, type FieldSpec, fieldProblems, shownValues, sourceBody, sourceProblems, updateBody } from '../../web/src/features/edits/rules.ts';

const FIELDS: FieldSpec[] = [
  { name: 'id', kind: 'text', label: 'Id', required: true, createOnly: true, pattern: { regex: /^[a-z]+$/, reason: 'edit.rule.orgId' } },
  { name: 'name.en', kind: 'text', label: 'Name', required: true, createOnly: true },
  { name: 'name.fr', kind: 'text', label: 'Nom', createOnly: true },
  { name: 'founded', kind: 'date', label: 'Founded' },
  { name: 'website', kind: 'url', label: 'Website' },
  { name: 'hqIso3', kind: 'iso3', label: 'HQ' },
  { name: 'binding', kind: 'boolean', label: 'Binding' },
  { name: 'coverageInstruments', kind: 'codes', label: 'Instruments' },
];

test('fields are checked by the API rules, each problem naming its field', () => {
  const problems = fieldProblems(FIELDS, { id: 'AU', 'name.en': '', founded: '1999-02-30', website: 'javascript:alert(1)', hqIso3: 'eth', coverageInstruments: 'ACHR, bad code' });
  assert.deepEqual(
    problems.map((p) => [p.field, p.reason]),
    [
      ['id', 'edit.rule.orgId'],
      ['name.en', 'edit.rule.required'],
      ['founded', 'edit.rule.partialDate'],
      ['website', 'edit.rule.web'],
      ['hqIso3', 'edit.rule.iso3'],
      ['coverageInstruments', 'edit.rule.codes'],
    ],
  );
  assert.deepEqual(fieldProblems(FIELDS, { id: 'sadc', 'name.en': 'SADC', founded: '1992-08', website: 'https://www.sadc.int/', hqIso3: 'BWA', coverageInstruments: 'ACHR, ACHPR' }), []);
});

test('a new source needs its title, an address, its kind and a past day; an existing one its id', () => {
  const source = { ...emptySource(), url: 'not an address', retrieved: '2999-01-01', asOf: '2020-13' };
  assert.deepEqual(
    sourceProblems(source).map((p) => `${p.field} ${p.reason}`),
    ['source.title edit.rule.required', 'source.url edit.rule.sourceAddress', 'source.kind edit.rule.required', 'source.retrieved edit.rule.future', 'source.asOf edit.rule.partialDate'],
  );
  const good = { ...emptySource(), title: ' UNTC ', url: 'A/RES/48/141', kind: 'official', retrieved: '2026-01-05' };
  assert.deepEqual(sourceProblems(good), []);
  assert.deepEqual(sourceBody(good), { title: 'UNTC', url: 'A/RES/48/141', kind: 'official', retrieved: '2026-01-05' });
  assert.deepEqual(sourceProblems({ ...good, mode: 'existing' }), [{ field: 'source', reason: 'edit.rule.pickSource' }]);
  assert.equal(sourceBody({ ...good, mode: 'existing', id: 'untc-iccpr' }), 'untc-iccpr');
});

test('a restricted record names its audience; "as it is" sends nothing', () => {
  assert.deepEqual(accessProblems({ level: 'restricted', audience: [] }), [{ field: 'audience', reason: 'edit.rule.audience' }]);
  assert.deepEqual(accessBody({ level: '', audience: [] }), {});
  assert.deepEqual(accessBody({ level: 'internal', audience: ['state:KEN'] }), { confidentiality: 'internal', audience: [] });
  assert.deepEqual(accessBody({ level: 'restricted', audience: ['state:KEN'] }), { confidentiality: 'restricted', audience: ['state:KEN'] });
});

test('a correction says who may see the record only when that changed', () => {
  const restricted = { level: 'restricted' as const, audience: ['organization:au', 'state:KEN'] };
  assert.deepEqual(accessBody(restricted, restricted), {});
  assert.deepEqual(accessBody({ level: 'internal', audience: ['state:KEN'] }, { level: 'internal', audience: [] }), {});
  assert.deepEqual(accessBody({ ...restricted, audience: ['state:KEN'] }, restricted), { confidentiality: 'restricted', audience: ['state:KEN'] });
  assert.deepEqual(accessBody({ level: 'public', audience: restricted.audience }, restricted), { confidentiality: 'public', audience: [] });
});

test('a field hidden by the other values is sent empty: a correction empties it', () => {
  const fields: FieldSpec[] = [
    { name: 'kind', kind: 'select', label: 'Act', required: true },
    { name: 'procedure', kind: 'select', label: 'Procedure', shownIf: (v) => v.kind === 'declaration-accept' },
  ];
  const initial = { kind: 'declaration-accept', procedure: 'cat-22' };
  assert.deepEqual(shownValues(fields, initial), initial);
  const changed = shownValues(fields, { ...initial, kind: 'ratification' });
  assert.deepEqual(updateBody(fields, changed, initial), { kind: 'ratification', procedure: null });
  assert.deepEqual(createBody(fields, changed), { kind: 'ratification' });
});

test('a create sends what is filled in; an update only what changed', () => {
  assert.deepEqual(createBody(FIELDS, { id: 'sadc', 'name.en': 'SADC', 'name.fr': '', founded: '1992', website: '', binding: 'true', coverageInstruments: 'ACHR ACHPR' }), {
    id: 'sadc',
    name: { en: 'SADC' },
    founded: '1992',
    binding: true,
    coverageInstruments: ['ACHR', 'ACHPR'],
  });
  const initial = { founded: '1992', website: 'https://a.example', hqIso3: 'BWA', binding: 'true' };
  assert.deepEqual(updateBody(FIELDS, { ...initial, website: '', hqIso3: 'ZAF', id: 'ignored' }, initial), { website: null, hqIso3: 'ZAF' });
});

test('a history entry lists each field changed, before and after, without the source', () => {
  assert.deepEqual(changesOf({ before: { website: 'https://au.int' }, after: { website: 'https://au.int/en', source: 'user:1' } }), [
    { field: 'website', before: 'https://au.int', after: 'https://au.int/en' },
  ]);
  assert.deepEqual(changesOf({ before: null, after: { kind: 'accession', date: '1972', source: 's' } }), [
    { field: 'kind', before: undefined, after: 'accession' },
    { field: 'date', before: undefined, after: '1972' },
  ]);
});
