// The status engine on small, hand-made acts: when a State is party, uncertain, withdrawn,
// signatory, without action, without data, not eligible or not yet a State; when acts take
// effect; and which source the status follows when sources disagree, each disagreement listed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TreatyAction, TreatySnapshot } from '../../src/modules/treaty-status/actions.ts';
import { applyRule, effectiveDate, type EffectRule } from '../../src/modules/treaty-status/effect-rules.ts';
import type { EligibilityRule } from '../../src/modules/treaty-status/eligibility.ts';
import { buildModel, describeCollections, type ModelInputs } from '../../src/modules/treaty-status/model.ts';
import { precedenceOf } from '../../src/modules/treaty-status/resolve.ts';
import { statusAt } from '../../src/modules/treaty-status/status-at.ts';
import { acceptanceInForce, declarationsAt } from '../../src/modules/treaty-status/status.ts';
import type { SupportKind } from '../../src/shared/source-kinds.ts';

const origin = (collection: string, sourceIds = [`src-${collection}`]) => ({ collection, dataset: collection, sourceIds, file: 'f.csv', row: 2, column: null });
const act = (collection: string, kind: string, date: string | null, participant = 'AAA', support: SupportKind = 'official'): TreatyAction => ({
  instrument: 'T',
  participant,
  participantKind: 'state',
  participantName: participant,
  kind,
  date,
  effective: null,
  text: null,
  note: null,
  support,
  origin: origin(collection),
});
const snap = (collection: string, status: TreatySnapshot['status'], asOf: string | null, participant = 'AAA', note: string | null = null): TreatySnapshot => ({
  instrument: 'T',
  participant,
  participantKind: 'state',
  status,
  asOf,
  note,
  support: 'official',
  origin: origin(collection),
});
const rule = (kind: EffectRule['kind'], name: EffectRule['rule'], amount: number): EffectRule => ({ instrument: 'T', kind, rule: name, amount, article: 'art. 1', sourceIds: ['rule-src'] });

function model(actions: TreatyAction[], snapshots: TreatySnapshot[] = [], more: Partial<ModelInputs> = {}) {
  return buildModel('v', {
    actions,
    snapshots,
    effectRules: [],
    eligibilityRules: [],
    instruments: [
      { code: 'T', adopted: '1998-06-10', entry_into_force: null },
      { code: 'P', adopted: '1966-12-16', entry_into_force: null },
    ],
    sources: new Map([['src-reference', { kind: 'official', speaksFor: '2016-02-05' }]]),
    datasetDates: [],
    statehood: new Map(),
    memberships: new Map(),
    ...more,
  });
}
const status = (m: ReturnType<typeof model>, asOf: string, participant = 'AAA', instrument = 'T') => statusAt(m, instrument, participant, asOf).status;

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

  test('a succession takes effect from the day the State became responsible, as the registry gives it', () => {
    const m = model([act('untc-html', 'succession', '1993-05-28', 'SVK')], [], { statehood: new Map([['SVK', { since: '1993-01-01', basis: 'succession', sourceIds: ['s'] }]]) });
    assert.equal(status(m, '1992-12-31', 'SVK'), 'notYetState');
    assert.equal(status(m, '1993-03-01', 'SVK'), 'party', 'party from its succession, before the notification');
    assert.equal(m.pairs.get('T')!.get('SVK')!.actions[0]!.effective, '1993-01-01');
  });
});

describe('status at a date', () => {
  test('party from the deposit of consent; withdrawn once a denunciation takes effect', () => {
    const m = model([act('untc', 'signature', '1999-01-05'), act('untc', 'ratification', '2000-06-01'), act('untc', 'denunciation', '2008-05-26')], [], {
      effectRules: [rule('denunciation', 'years-after', 1)],
    });
    assert.equal(status(m, '1999-01-04'), 'noAction');
    assert.equal(status(m, '1999-01-05'), 'signatory');
    assert.equal(status(m, '2000-06-01'), 'party');
    assert.equal(status(m, '2009-05-25'), 'party', 'the denunciation takes effect a year after notice');
    assert.equal(status(m, '2009-05-26'), 'withdrawn');
  });

  test('a State that denounces and accedes again on the same day stays party (Guyana, ICCPR-OP1)', () => {
    const m = model(
      [act('untc-html', 'accession', '1993-05-10'), act('untc-html', 'denunciation', '1999-01-05'), act('untc-html', 'accession', '1999-01-05')].map((a) =>
        a.kind === 'denunciation' ? { ...a, effective: '1999-04-05' } : a,
      ),
    );
    for (const day of ['1998-12-31', '1999-04-05', '2020-01-01']) assert.equal(status(m, day), 'party', day);
  });

  test('a second denunciation ends the second participation (Trinidad and Tobago)', () => {
    const m = model([
      act('untc-html', 'accession', '1998-06-01'),
      { ...act('untc-html', 'denunciation', '1999-05-26'), effective: '1999-08-26' },
      act('untc-html', 'accession', '1999-08-26'),
      { ...act('untc-html', 'denunciation', '2000-03-27'), effective: '2000-06-27' },
    ]);
    assert.equal(status(m, '1999-09-01'), 'party');
    assert.equal(status(m, '2000-06-26'), 'party');
    assert.equal(status(m, '2000-06-27'), 'withdrawn');
  });

  test('a consent known only to the year is uncertain inside that year and party after it', () => {
    const m = model([act('untc-years', 'ratification-or-accession', '2016')]);
    assert.equal(status(m, '2015-12-31'), 'noAction');
    assert.equal(status(m, '2016-01-01'), 'uncertain');
    assert.equal(statusAt(m, 'T', 'AAA', '2016-12-30').uncertainty, 'span');
    assert.equal(status(m, '2016-12-31'), 'party', 'by the last day of the year the act has happened');
  });

  test('an act without a date: never before adoption, existence or eligibility; certain from the earliest date a source stating it speaks for', () => {
    const m = model([act('reference', 'ratification', null), act('reference', 'ratification', null, 'NEW')], [], {
      statehood: new Map([['NEW', { since: '2011-07-09', basis: 'independence', sourceIds: ['s'] }]]),
    });
    assert.equal(status(m, '1993-06-25'), 'notEligible', 'the instrument did not exist yet');
    assert.equal(status(m, '2005-01-01'), 'uncertain', 'party by then, or not yet: the list does not say');
    assert.equal(status(m, '2016-02-05'), 'party', 'the list that speaks for that day names it');
    assert.equal(status(m, '2010-01-01', 'NEW'), 'notYetState');
    assert.deepEqual(m.pairs.get('T')!.get('NEW')!.actions[0]!.bounds, { from: '2011-07-09', certainFrom: '2016-02-05' });
    const unsourced = model([{ ...act('reference', 'ratification', null), origin: origin('reference', []) }]);
    assert.equal(status(unsourced, '2026-01-01'), 'uncertain', 'without a source it never becomes certain');
    const signed = model([act('reference', 'signature', null)]);
    assert.equal(status(signed, '2005-01-01'), 'noAction', 'an undated signature counts only once a source states it');
    assert.equal(status(signed, '2016-02-05'), 'signatory');
  });

  test('a party resting on a tertiary source only is shown as uncertain, not counted', () => {
    const m = model([act('reference', 'ratification', '2001-01-01', 'AAA', 'tertiary')]);
    assert.deepEqual([status(m, '2010-01-01'), statusAt(m, 'T', 'AAA', '2010-01-01').uncertainty], ['uncertain', 'tertiary']);
  });

  test('without acts: not eligible under the final clauses, no action where a source speaks for the State, no data otherwise', () => {
    const members: EligibilityRule = { instrument: 'T', rule: 'members', organization: 'org', parent: null, article: 'art. 59(1)', sourceIds: ['e'] };
    const memberships = new Map([['org', new Map([['MEM', [{ seq: 1, event: 'joined' as const, date: '1990-01-01', sourceIds: ['m'], note: null }]]])]]);
    const m = model([act('reference', 'ratification', '2001-01-01', 'ZZZ')], [], { eligibilityRules: [members], memberships });
    assert.equal(status(m, '2005-01-01', 'OUT'), 'notEligible');
    assert.deepEqual(statusAt(m, 'T', 'OUT', '2005-01-01').because?.article, 'art. 59(1)');
    assert.equal(status(m, '2005-01-01', 'MEM'), 'noData', "a list that is not the depositary's says nothing of the States it omits");
    const depositary = model([act('untc-html', 'ratification', '2001-01-01', 'ZZZ')], [], { datasetDates: [{ dataset: 'untc-html', collection: 'untc-html', asOf: '2026-02-03' }] });
    assert.equal(status(depositary, '2005-01-01', 'MEM'), 'noAction', "the depositary's full list states that the others took no action");
    assert.equal(status(depositary, '2026-02-03', 'MEM'), 'noAction');
    assert.equal(status(depositary, '2026-06-01', 'MEM'), 'noData', 'after the date the list speaks for, nobody has said nothing happened');
    assert.equal(status(depositary, '2026-06-01', 'ZZZ'), 'party', "a party stays party: the status as at the source's date");
    assert.equal(status(model([]), '2005-01-01'), 'noData');
  });

  test('an optional protocol is open only to States that signed or joined its parent', () => {
    const parent: EligibilityRule = { instrument: 'T', rule: 'parent', organization: null, parent: 'P', article: 'art. 8', sourceIds: ['e'] };
    const m = model([{ ...act('untc-html', 'ratification', '1999-01-01', 'PAR'), instrument: 'P' }, act('untc-html', 'ratification', '2002-01-01', 'ZZZ')], [], {
      eligibilityRules: [parent],
      datasetDates: [{ dataset: 'untc-html', collection: 'untc-html', asOf: '2026-02-03' }],
    });
    assert.equal(status(m, '2005-01-01', 'PAR'), 'noAction');
    assert.equal(status(m, '2005-01-01', 'NON'), 'notEligible');
  });

  test('a declaration is in force until its withdrawal takes effect, twelve months after deposit', () => {
    const m = model([act('reference', 'ratification', '2003-05-05'), act('reference', 'declaration-accept', '2013-01-22'), act('reference', 'declaration-withdraw', '2016-02-29')], [], {
      effectRules: [rule('declaration-withdraw', 'months-after', 12)],
    });
    const p = m.pairs.get('T')!.get('AAA')!;
    assert.equal(acceptanceInForce(p, '2013-01-21'), false);
    assert.equal(acceptanceInForce(p, '2017-02-27'), true);
    assert.equal(acceptanceInForce(p, '2017-02-28'), false);
    assert.deepEqual(
      declarationsAt(p, '2016-06-01').map((d) => [d.action.kind, d.inForce]),
      [
        ['declaration-accept', true],
        ['declaration-withdraw', false],
      ],
    );
  });
});

describe('precedence between sources, and the disagreements listed', () => {
  const untc = { datasetDates: [{ dataset: 'untc', collection: 'untc', asOf: '2015-03-14' }] };

  test('a year-level list agreeing with the day-precise act only confirms it', () => {
    const m = model([act('untc', 'ratification', '2003-03-27'), act('untc-years', 'ratification-or-accession', '2003')], [snap('untc-years', 'party', null)], untc);
    assert.equal(m.conflicts.length, 0);
    assert.equal(status(m, '2003-03-27'), 'party', 'the day wins over the year');
    const pair = m.pairs.get('T')!.get('AAA')!;
    assert.deepEqual(
      pair.all.map((a) => precedenceOf(pair, a)),
      ['followed', 'confirms'],
    );
  });

  test('a different year is listed and the day-precise act decides', () => {
    const m = model([act('untc', 'ratification', '2003-03-27'), act('untc-years', 'ratification-or-accession', '2001')], [], untc);
    assert.deepEqual(
      m.conflicts.map((c) => [c.kind, c.followed, c.sides.map((s) => s.action?.date)]),
      [['year-differs', 'untc', ['2003-03-27', '2001']]],
    );
    assert.equal(status(m, '2002-06-01'), 'noAction');
  });

  test("the depositary's silence is a statement; any other silence never beats a dated act", () => {
    const depositary = model([act('untc', 'ratification', '2001-01-01', 'ZZZ'), act('untc', 'signature', '2010-01-01'), act('untc-years', 'ratification-or-accession', '2006')], [], untc);
    assert.deepEqual(
      depositary.conflicts.map((c) => [c.kind, c.followed]),
      [['party-differs', 'untc']],
    );
    assert.equal(status(depositary, '2014-01-01'), 'signatory', 'the full participant list has no consent: it decides');
    const curated = model([act('reference', 'ratification', '2005-01-01', 'ZZZ'), act('csv:list', 'ratification-or-accession', '2002-04-02')]);
    assert.deepEqual(
      curated.conflicts.map((c) => [c.kind, c.followed]),
      [['missing', 'csv:list']],
    );
    assert.equal(status(curated, '2004-01-01'), 'party', 'a curated list that does not mention the State says nothing');
    const later = model([act('untc', 'ratification', '2001-01-01', 'ZZZ'), act('untc', 'signature', '2010-01-01'), act('untc-years', 'ratification-or-accession', '2016')], [], untc);
    assert.equal(later.conflicts.length, 0, "a year after the depositary copy's date is news it could not know");
    assert.equal(status(later, '2020-01-01'), 'party');
  });

  test('a year-level status is compared with the day-precise one over the days it can speak for', () => {
    const joinedMeanwhile = model([act('untc-html', 'accession', '2022-06-30')], [snap('untc-years', 'none', null)], {
      datasetDates: [
        { dataset: 'untc-html', collection: 'untc-html', asOf: '2026-02-03' },
        { dataset: 'untc-years', collection: 'untc-years', asOf: '2022' },
      ],
    });
    assert.equal(joinedMeanwhile.conflicts.length, 0, 'the list can speak for a day before the accession');
    const wrong = model([act('untc-html', 'accession', '2000-01-01')], [snap('untc-years', 'none', null)], {
      datasetDates: [
        { dataset: 'untc-html', collection: 'untc-html', asOf: '2026-02-03' },
        { dataset: 'untc-years', collection: 'untc-years', asOf: '2022' },
      ],
    });
    assert.deepEqual(
      wrong.conflicts.map((c) => [c.kind, c.sides[0]!.absence]),
      [['party-differs', 'party from 2022-01-01 to 2022-12-31']],
    );
  });

  test('a row that contradicts itself is listed and decides nothing; one whose status and year agree is used and listed', () => {
    const m = model([act('untc', 'ratification', '2001-01-01', 'ZZZ')], [snap('untc-years', 'contradictory', null)], untc);
    assert.deepEqual(
      m.conflicts.map((c) => c.kind),
      ['contradictory'],
    );
    assert.equal(status(m, '2020-01-01'), 'noAction');
    const agreeing = model([act('untc-years', 'ratification-or-accession', '2009')], [snap('untc-years', 'party', null, 'AAA', 'status "state party", state party "0", year "2009"')]);
    assert.deepEqual(
      agreeing.conflicts.map((c) => [c.kind, c.followed]),
      [['contradictory', 'untc-years']],
    );
    assert.equal(status(agreeing, '2020-01-01'), 'party');
  });

  test('a source that gives the day of an act the first knows only to its year, or undated, dates it; a confirmation strengthens its support', () => {
    const m = model([
      act('reference', 'ratification', '2004', 'AAA', 'none'),
      act('reference', 'ratification', null, 'BBB', 'none'),
      act('csv:official', 'ratification-or-accession', '2004-11-28', 'AAA'),
      act('csv:official', 'ratification-or-accession', '2003-03-28', 'BBB'),
      act('reference', 'ratification', '2001-01-01', 'CCC', 'tertiary'),
      act('csv:official', 'ratification', '2001-01-01', 'CCC', 'official'),
    ]);
    assert.deepEqual(m.conflicts, [], 'no disagreement: the dates agree');
    assert.deepEqual([status(m, '2004-06-01', 'AAA'), status(m, '2004-11-28', 'AAA')], ['noAction', 'party']);
    assert.deepEqual([status(m, '2003-03-27', 'BBB'), status(m, '2003-03-28', 'BBB')], ['noAction', 'party']);
    assert.deepEqual([status(m, '2010-01-01', 'CCC'), statusAt(m, 'T', 'CCC', '2010-01-01').support], ['party', 'official'], 'a tertiary source confirmed by an official one counts');
  });

  test('a list of parties as of a date gives the status only where no act is known', () => {
    const alone = model([], [snap('csv:list', 'party', '2020-12')]);
    assert.equal(status(alone, '2020-11-30'), 'noAction');
    assert.equal(status(alone, '2020-12-15'), 'uncertain');
    assert.equal(status(alone, '2021-01-01'), 'party');
    const silent = model([act('reference', 'ratification', '2022-04-07', 'ZZZ')], [snap('csv:list', 'party', '2020-12')]);
    assert.deepEqual(
      silent.conflicts.map((c) => [c.kind, c.followed]),
      [['status-differs', 'csv:list']],
    );
    assert.equal(status(silent, '2021-06-01'), 'party', 'the curated list is silent: the dated list decides');
    const contradicted = model([act('reference', 'ratification', '2022-04-07', 'ZZZ'), act('reference', 'signature', '2010-01-01')], [snap('csv:list', 'party', '2020-12')]);
    assert.deepEqual(
      contradicted.conflicts.map((c) => [c.kind, c.followed]),
      [['status-differs', 'reference']],
    );
    assert.equal(status(contradicted, '2021-06-01'), 'signatory');
  });
});

describe('collections described from a summary of their acts', () => {
  test('the date a collection speaks for does not depend on the order its acts are read in', () => {
    const acts = [act('csv:list', 'ratification', '2015'), act('csv:list', 'signature', '2015-12-31', 'BBB'), act('csv:list', 'accession', '2015-12', 'CCC')];
    for (const order of [acts, [...acts].reverse(), [acts[1]!, acts[0]!, acts[2]!]]) {
      const list = describeCollections(order, []).get('csv:list')!;
      assert.equal(list.asOf, '2015-12-31', 'of dates ending the same day, the most precise');
      assert.equal(list.asOfByInstrument.get('T'), '2015-12-31');
    }
  });

  test('one fact per dataset, instrument, kind and precision describes a collection as all its acts do', () => {
    const acts = [
      act('untc-html', 'ratification', '1990-02-01'),
      act('untc-html', 'ratification', '1995-07-31', 'BBB'),
      act('untc-html', 'signature', null, 'CCC'),
      act('csv:list', 'ratification-or-accession', '1991'),
      act('csv:list', 'ratification-or-accession', '1999', 'BBB'),
      act('csv:list', 'denunciation', '2001-05', 'CCC'),
    ];
    const snapshots = [snap('csv:list', 'party', '2003'), snap('csv:list', 'none', null, 'DDD')];
    const summary = [
      { instrument: 'T', kind: 'ratification', date: '1995-07-31', participant: null, origin: acts[0]!.origin },
      { instrument: 'T', kind: 'signature', date: null, participant: null, origin: acts[2]!.origin },
      { instrument: 'T', kind: 'ratification-or-accession', date: '1999', participant: null, origin: acts[3]!.origin },
      { instrument: 'T', kind: 'denunciation', date: '2001-05', participant: null, origin: acts[5]!.origin },
    ];
    const snapshotSummary = [
      { instrument: 'T', asOf: '2003', participant: null, origin: snapshots[0]!.origin },
      { instrument: 'T', asOf: null, participant: null, origin: snapshots[0]!.origin },
    ];
    const whole = describeCollections(acts, snapshots);
    const summed = describeCollections(summary, snapshotSummary);
    for (const [id, c] of whole) assert.deepEqual({ ...summed.get(id), speaksFor: null }, { ...c, speaksFor: null }, id);
    assert.equal(summed.get('csv:list')!.speaksFor.size, 0, 'a summary names no participant');
  });
});
