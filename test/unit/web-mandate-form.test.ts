// The mandate form's body, without a browser: an untouched form sends nothing; each field changed
// is sent alone, an emptied one as null, the session as a number, and the answers whole when one
// of them changed (the API replaces the list).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mandate } from '../../web/src/api/types.ts';
import { changes, draftOf } from '../../web/src/features/resolutions/mandate-form.ts';

const MANDATE = {
  status: 'open',
  statusNote: null,
  statusDate: null,
  due: { body: 'General Assembly', session: 61, date: null, endsBy: '2007-09-30' },
  answers: [{ kind: 'report', ref: 'A/61/341', note: null }],
} as unknown as Mandate;

test('an untouched form sends an empty change', () => {
  const read = draftOf(MANDATE);
  assert.deepEqual(changes({ ...read }, read), {});
});

test('only the fields changed are sent; emptied ones as null, the session as a number', () => {
  const read = draftOf(MANDATE);
  assert.deepEqual(changes({ ...read, status: 'in-progress', statusNote: '  Drafting  ' }, read), { status: 'in-progress', statusNote: 'Drafting' });
  assert.deepEqual(changes({ ...read, dueSession: '62' }, read), { dueSession: 62 });
  assert.deepEqual(changes({ ...read, dueBody: ' ', dueSession: '' }, read), { dueBody: null, dueSession: null });
  assert.deepEqual(changes({ ...read, dueDate: '2007-09-30' }, read), { dueDate: '2007-09-30' });
});

test('the answers are sent whole when one changed, a blank note left out', () => {
  const read = draftOf(MANDATE);
  const answers = [...read.answers, { kind: 'document', ref: ' https://example.org/a ', note: '' }];
  assert.deepEqual(changes({ ...read, answers }, read), {
    answers: [
      { kind: 'report', ref: 'A/61/341' },
      { kind: 'document', ref: 'https://example.org/a' },
    ],
  });
  assert.deepEqual(changes({ ...read, answers: [] }, read), { answers: [] });
});
