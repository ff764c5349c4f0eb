// What a mandate is due at and when it is overdue (src/modules/resolutions/deadlines.ts): the
// ordinals of sessions, whose session a paragraph names, the end of a General Assembly session
// checked against every shared official text that states its session and date, and "cannot be
// told" where no rule fixes a session's end.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { resolutionFiles } from '../../src/importers/resolutions/import.ts';
import { dueEnds, dueOf, isOverdue, ordinalNumber } from '../../src/modules/resolutions/deadlines.ts';
import { parseResolution } from '../../src/modules/resolutions/parse/index.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

test('ordinals of sessions read as numbers, and nothing else', () => {
  const cases: [string, number | null][] = [
    ['first', 1],
    ['tenth', 10],
    ['nineteenth', 19],
    ['sixtieth', 60],
    ['sixty-first', 61],
    ['eighty-third', 83],
    ['ninety-ninth', 99],
    ['Sixty-First', 61],
    ['sixty', null],
    ['sixty-tenth', null],
    ['', null],
    ['constructor', null],
  ];
  for (const [word, number] of cases) assert.equal(ordinalNumber(word), number, word);
});

test('the body whose session is named: the last before "at its", else the adopting body', () => {
  const op12 =
    'Invites the Secretary-General to provide, in the report that he will submit to the Commission on Human Rights at its sixty-first session, information on progress made since the adoption of the Vienna Declaration';
  assert.deepEqual(dueOf('sixty-first session', op12, 'General Assembly'), { body: 'Commission on Human Rights', session: 61, date: null });
  const op13 = 'Requests the Secretary-General to submit to the General Assembly at its sixty-first session a report on the state of regional arrangements';
  assert.deepEqual(dueOf('sixty-first session', op13, 'General Assembly'), { body: 'General Assembly', session: 61, date: null });
  assert.deepEqual(dueOf('eighty-first session', 'Decides to consider the question at its eighty-first session', 'General Assembly'), { body: 'General Assembly', session: 81, date: null });
  assert.deepEqual(dueOf('31 March 2026', 'Requests a report no later than 31 March 2026', 'Security Council'), { body: null, session: null, date: '2026-03-31' });
  assert.deepEqual(dueOf('31 February 2026', 'no later than 31 February 2026', 'Security Council'), { body: null, session: null, date: null }, 'not a calendar date');
  assert.deepEqual(dueOf(null, 'Invites States to consider', 'General Assembly'), { body: null, session: null, date: null });
});

test('a General Assembly session ends by 30 September of 1946 + N: every shared text adopted in a session falls within it', { skip: skipWithoutSharedData() }, () => {
  let checked = 0;
  for (const file of resolutionFiles(sharedDataPath('resolutions'))) {
    const doc = parseResolution(readFileSync(file, 'utf8'), file);
    if (doc.body !== 'General Assembly' || doc.session === null || doc.date === null) continue;
    const ends = dueEnds({ body: 'General Assembly', session: doc.session, date: null }) as string;
    const previousEnds = dueEnds({ body: 'General Assembly', session: doc.session - 1, date: null }) as string;
    assert.ok(doc.date <= ends, `${doc.symbol} of ${doc.date} is within session ${doc.session} (ends by ${ends})`);
    assert.ok(doc.date > `${1945 + doc.session}-09-01`, `${doc.symbol}: adopted after session ${doc.session} opened`);
    assert.ok(previousEnds < ends);
    checked += 1;
  }
  assert.ok(checked >= 25, `texts checked: ${checked}`);
});

test('overdue: after the session is over, unless answered or superseded; null where it cannot be told', () => {
  const ga61 = { body: 'General Assembly', session: 61, date: null };
  assert.equal(isOverdue('open', ga61, '2006-06-30'), false);
  assert.equal(isOverdue('open', ga61, '2007-09-30'), false, 'the last day counts as within');
  assert.equal(isOverdue('open', ga61, '2007-10-01'), true);
  assert.equal(isOverdue('in-progress', ga61, '2026-12-07'), true);
  assert.equal(isOverdue('answered', ga61, '2026-12-07'), false);
  assert.equal(isOverdue('superseded', ga61, '2026-12-07'), false);
  assert.equal(isOverdue('open', { body: 'Commission on Human Rights', session: 61, date: null }, '2006-01-01'), true);
  assert.equal(isOverdue('open', { body: 'Commission on Human Rights', session: 3, date: null }, '2026-01-01'), null, 'early sessions did not follow the year');
  assert.equal(isOverdue('open', { body: 'Human Rights Council', session: 59, date: null }, '2026-12-07'), null, 'three sessions a year: not told by rule');
  assert.equal(isOverdue('open', { body: null, session: null, date: '2026-03-31' }, '2026-04-01'), true);
  assert.equal(isOverdue('open', { body: null, session: null, date: null }, '2026-04-01'), null, 'no deadline');
});
