// The report's settings as the API and the CLI give them (src/modules/report/generate.ts): a year's
// period by default (29 February included), every problem named by its parameter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSettings, defaultPeriodStart, reportFileName } from '../../src/modules/report/generate.ts';
import { ValidationError } from '../../src/shared/errors.ts';

test("the default period starts the day after the same date a year before the report's date", () => {
  assert.equal(defaultPeriodStart('2006-06-30'), '2005-07-01');
  assert.equal(defaultPeriodStart('2006-01-01'), '2005-01-02');
  assert.equal(defaultPeriodStart('2006-12-31'), '2006-01-01');
  assert.equal(defaultPeriodStart('2008-02-29'), '2007-03-01');
  assert.equal(defaultPeriodStart('2009-02-28'), '2008-02-29');
});

test('settings are checked, defaults filled, problems named by parameter (or by the names the caller gives)', () => {
  assert.deepEqual(checkSettings({ session: '61', asOf: '2006-06-30', regions: '002, 150,,002' }), {
    session: 61,
    asOf: '2006-06-30',
    periodStart: '2005-07-01',
    regions: ['002', '150'],
    lang: 'en',
    symbol: null,
    agendaItem: null,
  });
  assert.throws(
    () => checkSettings({ session: '0', asOf: '2006-06-31', lang: 'de', regions: 'europe', symbol: 'A/61/\n1' }),
    (e: unknown) => e instanceof ValidationError && e.details.map((d) => d.parameter).join() === 'session,asOf,regions,lang,symbol',
  );
  assert.throws(
    () => checkSettings({ session: 61, asOf: '2006-06-30', periodStart: '2006-07-01' }, { periodStart: '--period-start' }),
    (e: unknown) => e instanceof ValidationError && e.details[0]?.parameter === '--period-start',
  );
  assert.throws(
    () => checkSettings({ asOf: '2006-06-30' }),
    (e: unknown) => e instanceof ValidationError && e.details[0]?.parameter === 'session',
  );
  assert.equal(reportFileName({ session: 61, asOf: '2006-06-30', lang: 'ar' }, 'docx'), 'regional-arrangements-61-2006-06-30-ar.docx');
});
