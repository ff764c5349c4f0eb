// The web app's arithmetic of treaty statuses: Since Vienna's rows (parties and uncertain ones
// apart, the change counting both on each date, totals of the groups) and the periods a State's
// timeline draws from its acts (an undated consent from the first day it can have happened).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TREATY_STATUSES } from '../../src/shared/vocabularies.ts';
import { treatyPeriodsOf } from '../../web/src/components/treaty-periods.ts';
import { viennaRows } from '../../web/src/features/treaties/vienna-rows.ts';
import type { StatusCounts, TreatyAction, TreatyCounts } from '../../web/src/api/types.ts';

const counts = (partial: Partial<StatusCounts>): StatusCounts => ({ ...Object.fromEntries([...TREATY_STATUSES, 'partyOnSecondary'].map((k) => [k, 0])), ...partial }) as StatusCounts;
const answer = (asOf: string, groups: [string, number, Partial<StatusCounts>][]): TreatyCounts => ({
  asOf,
  by: 'group',
  instruments: ['ECHR'],
  collections: [],
  groups: groups.map(([group, states, c]) => ({ group, states, counts: { ECHR: counts(c) } })),
});

test('Since Vienna: an uncertain party that became certain is no gain; totals add the groups', () => {
  const before = answer('1993-06-25', [
    ['WEOG', 29, { party: 20, uncertain: 5, notEligible: 4 }],
    ['EEG', 23, { party: 2, notYetState: 10, notEligible: 11 }],
  ]);
  const after = answer('2010-01-01', [
    ['WEOG', 29, { party: 25, partyOnSecondary: 3, notEligible: 4 }],
    ['EEG', 23, { party: 18, uncertain: 2, notEligible: 3 }],
  ]);
  const [total, weog, eeg] = viennaRows(['ECHR'], before, after, ['WEOG', 'EEG']);
  assert.equal(weog!.change, 0, 'five uncertain parties of 1993, certain in 2010');
  assert.equal(eeg!.change, 18);
  assert.deepEqual([total!.group, total!.states, total!.change], ['', 52, 18]);
  assert.deepEqual([total!.before.party, total!.before.uncertain, total!.after.party, total!.after.partyOnSecondary, total!.after.uncertain], [22, 5, 43, 3, 2]);
  assert.equal(total!.before.notYetState, 10, 'every status is added, not only parties');
});

const act = (kind: string, date: string | null, from: string | null = null): TreatyAction => ({
  kind,
  date,
  precision: date === null ? null : 'day',
  effective: null,
  effectiveRule: null,
  collection: 'reference',
  sourceIds: [],
  bounds: date === null ? { from, certainFrom: null } : null,
  note: null,
  support: 'secondary',
  procedure: null,
});

test('an undated consent is drawn from the first day it can have happened, else from the adoption', () => {
  assert.deepEqual(treatyPeriodsOf([act('ratification', null, '1993-05-14')], '1950-11-04'), [{ status: 'party', from: '1993-05-14', to: null, undatedStart: true }]);
  assert.deepEqual(treatyPeriodsOf([act('ratification', null)], '1950-11-04'), [{ status: 'party', from: '1950-11-04', to: null, undatedStart: true }]);
  assert.deepEqual(treatyPeriodsOf([act('signature', '1950-11-04'), act('ratification', '1953-09-03'), act('denunciation', '1970-06-12')]), [
    { status: 'signatory', from: '1950-11-04', to: '1953-09-03' },
    { status: 'party', from: '1953-09-03', to: '1970-06-12' },
  ]);
});

test('the timeline follows the engine: a same-day re-accession keeps the State party, a succession counts from its effect', () => {
  const guyana = [act('accession', '1993-05-10'), { ...act('denunciation', '1999-01-05'), effective: '1999-04-05' }, act('accession', '1999-01-05')];
  assert.deepEqual(treatyPeriodsOf(guyana), [{ status: 'party', from: '1993-05-10', to: null }], 'Guyana, ICCPR-OP1: party throughout');
  const trinidad = [
    act('accession', '1980-11-14'),
    { ...act('denunciation', '1998-05-26'), effective: '1998-08-26' },
    act('accession', '1998-08-26'),
    { ...act('denunciation', '2000-03-27'), effective: '2000-06-27' },
  ];
  assert.deepEqual(treatyPeriodsOf(trinidad), [{ status: 'party', from: '1980-11-14', to: '2000-06-27' }]);
  const slovakia = [{ ...act('succession', '1993-05-28'), effective: '1993-01-01' }];
  assert.deepEqual(treatyPeriodsOf(slovakia), [{ status: 'party', from: '1993-01-01', to: null }]);
});
