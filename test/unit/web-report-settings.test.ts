// The report builder's settings (web/src/features/report/settings.ts): read from an address,
// written back as the API's query, checked before anything is sent, and the changes of a draft.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedSettings, draftBodyOf, problemsOf, queryOf, settingOfProblem, settingsFrom } from '../../web/src/features/report/settings.ts';

const address = (query: string) => new URLSearchParams(query);

test('an address gives the settings; unusable regions are dropped and the language follows the interface', () => {
  const settings = settingsFrom(address('session=61&periodStart=2005-07-01&asOf=2006-06-30&regions=150,002,abc,150&symbol=A/61/1'), 'fr');
  assert.deepEqual(settings, { session: '61', periodStart: '2005-07-01', asOf: '2006-06-30', regions: ['002', '150'], lang: 'fr', symbol: 'A/61/1', agendaItem: '' });
  assert.equal(settingsFrom(address('lang=ar'), 'en').lang, 'ar');
  assert.equal(settingsFrom(address('lang=de'), 'en').lang, 'en');
});

test('the query is the API’s, empty values left out, and reads back the same', () => {
  const settings = settingsFrom(address('session=61&periodStart=2005-07-01&asOf=2006-06-30&regions=002&lang=ru'), 'en');
  assert.deepEqual(queryOf(settings), { session: '61', periodStart: '2005-07-01', asOf: '2006-06-30', regions: '002', lang: 'ru' });
  assert.deepEqual(settingsFrom(new URLSearchParams(queryOf(settings)), 'en'), settings);
});

test('problems are found before sending, each beside its setting', () => {
  const empty = settingsFrom(address(''), 'en');
  assert.deepEqual(problemsOf(empty), { session: 'report.problem.required', periodStart: 'report.problem.required', asOf: 'report.problem.required' });
  const wrong = { ...empty, session: '0', periodStart: '2006-02-30', asOf: '2006-06-30' };
  assert.deepEqual(problemsOf(wrong), { session: 'report.problem.session', periodStart: 'report.problem.date' });
  assert.deepEqual(problemsOf({ ...wrong, session: '61', periodStart: '2006-07-01' }), { asOf: 'report.problem.order' });
  assert.deepEqual(problemsOf({ ...wrong, session: '61', periodStart: '2005-07-01', symbol: 'x'.repeat(61) }), { symbol: 'report.problem.tooLong' });
  assert.deepEqual(problemsOf({ ...wrong, session: '61', periodStart: '2005-07-01' }), {});
});

test('a draft is sent with its session as a number, and a change only with what changed', () => {
  const before = settingsFrom(address('session=61&periodStart=2005-07-01&asOf=2006-06-30&lang=en'), 'en');
  assert.deepEqual(draftBodyOf(before), { session: 61, periodStart: '2005-07-01', asOf: '2006-06-30', regions: [], lang: 'en', symbol: null, agendaItem: null });
  assert.deepEqual(changedSettings({ ...before, asOf: '2006-12-31', regions: ['002'] }, before), { asOf: '2006-12-31', regions: ['002'] });
  assert.deepEqual(changedSettings(before, before), {});
});

test('the API’s problems are matched to the setting they name', () => {
  assert.equal(settingOfProblem({ parameter: 'asOf' }), 'asOf');
  assert.equal(settingOfProblem({ field: 'regions[1]' }), 'regions');
  assert.equal(settingOfProblem({ parameter: 'format' }), undefined);
});
