// The status engine on small, hand-made facts: when a State is party, withdrawn, signatory or
// party "year only"; when acts take effect; and which source the status follows when sources
// disagree, each disagreement listed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyRule, effectiveDate, type EffectRule } from '../../src/modules/treaty-status/effect-rules.ts';
import type { Fact, SnapshotFact } from '../../src/modules/treaty-status/facts.ts';
import { buildModel } from '../../src/modules/treaty-status/model.ts';
import { acceptanceInForce, declarationsAt, statusFrom } from '../../src/modules/treaty-status/status.ts';

const origin = (collection: string) => ({ collection, dataset: collection, sourceIds: [`src-${collection}`], file: 'f.csv', row: 2, column: null });
const act = (collection: string, kind: string, date: string | null, participant = 'AAA', instrument = 'T'): Fact => ({
  instrument, participant, participantKind: 'state', kind, date, effective: null, text: null, origin: origin(collection),
});
const snap = (collection: string, status: SnapshotFact['status'], asOf: string | null, participant = 'AAA', instrument = 'T'): SnapshotFact => ({
  instrument, participant, participantKind: 'state', status, asOf, note: null, origin: origin(collection),
});
const rule = (kind: EffectRule['kind'], name: EffectRule['rule'], amount: number, instrument = 'T'): EffectRule => ({ instrument, kind, rule: name, amount, article: 'art. 1', sourceIds: ['rule-src'] });

function model(facts: Fact[], snapshots: SnapshotFact[] = [], rules: EffectRule[] = [], eif: string | null = null) {
  return buildModel('v', facts, snapshots, rules, { adopted: new Map([['T', '1998-06-10']]), entryIntoForce: new Map([['T', eif]]), retrieved: new Map([['src-reference', '2016-02-05']]) });
}
const pairOf = (m: ReturnType<typeof model>, participant = 'AAA') => m.pairs.get('T')!.get(participant)!;

describe('when acts take effect', () => {
  test('each rule of the treaties, on a date known to the day', () => {
    assert.equal(applyRule({ rule: 'days-after', amount: 30 }, '1990-01-01'), '1990-01-31');
    assert.equal(applyRule({ rule: 'months-after', amount: 3 }, '1983-01-24'), '1983-04-24');
    assert.equal(applyRule({ rule: 'months-after', amount: 3 }, '2023-11-30'), '2024-02-29', 'a day the month lacks becomes its last day');
    assert.equal(applyRule({ rule: 'first-of-month-after-months', amount: 3 }, '2003-03-14'), '2003-07-01');
    assert.equal(applyRule({ rule: 'years-after', amount: 1 }, '2016-02-29'), '2017-02-28');
    assert.equal(applyRule({ rule: 'on-deposit', amount: 0 }, '1978-07-18'), '1978-07-18');
  });

  test('consent deposited before the treaty is in force takes effect with it; a year-only date gets no day', () => {
    const threeMonths = rule('consent', 'months-after', 3);
    assert.equal(effectiveDate(threeMonths, '1968-03-27', '1976-03-23'), '1976-03-23');
    assert.equal(effectiveDate(threeMonths, '1986-08-08', '1976-03-23'), '1986-11-08');
    assert.equal(effectiveDate(threeMonths, '1986', '1976-03-23'), null);
    assert.equal(effectiveDate(undefined, '1986-08-08', null), null);
  });
});

describe('status at a date', () => {
  test('party from the deposit of consent; withdrawn once a denunciation takes effect', () => {
    const m = model([act('untc', 'signature', '1970-01-05'), act('untc', 'ratification', '1975-06-01'), act('untc', 'denunciation', '1998-05-26')], [], [rule('denunciation', 'years-after', 1)]);
    const p = pairOf(m);
    assert.equal(statusFrom(p, '1970-01-04').status, 'none');
    assert.equal(statusFrom(p, '1970-01-05').status, 'signatory');
    assert.equal(statusFrom(p, '1975-06-01').status, 'party');
    assert.equal(statusFrom(p, '1999-05-25').status, 'party', 'the denunciation takes effect a year after notice');
    assert.equal(statusFrom(p, '1999-05-26').status, 'withdrawn');
    assert.deepEqual(p.actions.find((a) => a.kind === 'denunciation')?.effectiveRule, { article: 'art. 1', sourceIds: ['rule-src'] });
  });

  test('a consent known only to the year is "year only" inside that year and party after it', () => {
    const p = pairOf(model([act('untc-years', 'ratification-or-accession', '2016')]));
    assert.equal(statusFrom(p, '2015-12-31').status, 'none');
    assert.equal(statusFrom(p, '2016-01-01').status, 'yearOnly');
    assert.equal(statusFrom(p, '2016-12-30').status, 'yearOnly');
    assert.equal(statusFrom(p, '2016-12-31').status, 'party', 'by the last day of the year the act has happened');
    assert.equal(statusFrom(p, '2017-01-01').status, 'party');
  });

  test('an act listed without a date: never before the adoption, certain once its source was consulted', () => {
    const p = pairOf(model([act('reference', 'ratification', null)]));
    assert.equal(statusFrom(p, '1993-06-25').status, 'none', 'the instrument did not exist yet');
    assert.equal(statusFrom(p, '2005-01-01').status, 'yearOnly', 'party by then, or not yet: the list does not say');
    assert.equal(statusFrom(p, '2016-02-05').status, 'party', 'the list consulted on that day names it');
    const unsourced = pairOf(model([{ ...act('reference', 'ratification', null), origin: { ...origin('reference'), sourceIds: [] } }]));
    assert.equal(statusFrom(unsourced, '2026-01-01').status, 'yearOnly', 'without a source it never becomes certain');
    const signed = pairOf(model([act('reference', 'signature', null)]));
    assert.equal(statusFrom(signed, '2005-01-01').status, 'none', 'an undated signature counts only once its source was consulted');
    assert.equal(statusFrom(signed, '2016-02-05').status, 'signatory');
  });

  test('a declaration is in force until its withdrawal takes effect, twelve months after deposit', () => {
    const m = model([act('reference', 'ratification', '2003-05-05'), act('reference', 'declaration-accept', '2013-01-22'), act('reference', 'declaration-withdraw', '2016-02-29')], [], [rule('declaration-withdraw', 'months-after', 12)]);
    const p = pairOf(m);
    assert.equal(acceptanceInForce(p, '2013-01-21'), false);
    assert.equal(acceptanceInForce(p, '2017-02-27'), true);
    assert.equal(acceptanceInForce(p, '2017-02-28'), false);
    assert.deepEqual(declarationsAt(p, '2016-06-01').map((d) => [d.fact.kind, d.inForce]), [['declaration-accept', true], ['declaration-withdraw', false]]);
  });
});

describe('precedence between sources, and the disagreements listed', () => {
  // The day-precise source speaks up to 2015-03-09 (its last date, given by another State's act).
  const untcLast = act('untc', 'ratification', '2015-03-09', 'ZZZ');

  test('a year-level list agreeing with the day-precise act only confirms it', () => {
    const m = model([untcLast, act('untc', 'ratification', '1968-03-27'), act('untc-years', 'ratification-or-accession', '1968')], [snap('untc-years', 'party', null)]);
    assert.equal(m.conflicts.length, 0);
    assert.equal(statusFrom(pairOf(m), '1968-03-27').status, 'party', 'the day wins over the year');
    assert.equal(statusFrom(pairOf(m), '1968-03-26').status, 'none');
  });

  test('a different year is listed and the day-precise act decides', () => {
    const m = model([untcLast, act('untc', 'ratification', '1968-03-27'), act('untc-years', 'ratification-or-accession', '1966')]);
    assert.deepEqual(m.conflicts.map((c) => [c.kind, c.followed, c.sides.map((s) => s.fact?.date)]), [['year-differs', 'untc', ['1968-03-27', '1966']]]);
    assert.equal(statusFrom(pairOf(m), '1967-06-01').status, 'none');
  });

  test('a year the day-precise source could not know yet is used; an earlier one is a disagreement', () => {
    const later = model([untcLast, act('untc', 'signature', '2010-01-01'), act('untc-years', 'ratification-or-accession', '2016')]);
    assert.equal(later.conflicts.length, 0);
    assert.equal(statusFrom(pairOf(later), '2016-06-01').status, 'yearOnly');
    assert.equal(statusFrom(pairOf(later), '2020-01-01').status, 'party');
    const earlier = model([untcLast, act('untc', 'signature', '2010-01-01'), act('untc-years', 'ratification-or-accession', '1976')]);
    assert.deepEqual(earlier.conflicts.map((c) => c.kind), ['party-differs']);
    assert.equal(statusFrom(pairOf(earlier), '2020-01-01').status, 'signatory', 'the status follows the day-precise source');
  });

  test('a later list saying "no action" where the earlier source has a party is listed', () => {
    const m = model([untcLast, act('untc', 'accession', '1990-01-01')], [snap('untc-years', 'none', null)]);
    assert.deepEqual(m.conflicts.map((c) => [c.kind, c.sides[0]!.absence]), [['party-differs', 'party at 2015-03-09']]);
  });

  test('a row that contradicts itself is listed and decides nothing', () => {
    const m = model([untcLast], [snap('untc-years', 'contradictory', null)]);
    assert.deepEqual(m.conflicts.map((c) => c.kind), ['contradictory']);
    assert.equal(statusFrom(pairOf(m), '2020-01-01').status, 'none');
  });

  test('between day-precise sources the reference data lead; a later act of another source is used', () => {
    const m = model([
      act('reference', 'accession', '1981-03-24'), act('reference', 'ratification', '1990-01-01', 'YYY'),
      act('csv:list', 'ratification-or-accession', '1982-04-02'),
      act('csv:list', 'denunciation', '1995-01-01'),
      act('csv:other', 'denunciation', '2012-09-10'),
    ]);
    assert.deepEqual(m.conflicts.map((c) => c.kind), ['date-differs']);
    const p = pairOf(m);
    assert.equal(statusFrom(p, '1981-03-24').status, 'party');
    assert.equal(statusFrom(p, '2013-01-01').status, 'withdrawn', 'no source leads on denunciations of this State, the first covering one does');
  });

  test('a list of parties as of a date gives the status only where no act is known', () => {
    const alone = model([], [snap('csv:list', 'party', '2020-12')]);
    assert.equal(statusFrom(pairOf(alone), '2020-11-30').status, 'none');
    assert.equal(statusFrom(pairOf(alone), '2020-12-15').status, 'yearOnly');
    assert.equal(statusFrom(pairOf(alone), '2021-01-01').status, 'party');
    const contradicted = model([act('reference', 'ratification', '2022-04-07', 'ZZZ')], [snap('csv:list', 'party', '2020-12')]);
    assert.deepEqual(contradicted.conflicts.map((c) => c.kind), ['status-differs']);
    assert.equal(statusFrom(pairOf(contradicted), '2021-06-01').status, 'none');
  });
});
