// Pure readers given names of members every object inherits (constructor, __proto__,
// toString…): they are unknown names like any other, never a table entry.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeEntities } from '../../src/importers/untc-html/html.ts';
import { kindsOfHeader, parseStatusTable } from '../../src/importers/untc/status-table.ts';
import { termOf } from '../../src/modules/procedures/read-declaration.ts';
import { groupOf } from '../../src/modules/treaty-status/actions.ts';
import { citedSources } from '../../src/modules/treaty-status/views.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { REFERENCE_DIR } from '../../src/reference/read-files.ts';
import { IntegrityError } from '../../src/shared/errors.ts';
import { own } from '../../src/shared/own.ts';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

test("own() sees only a table's own keys", () => {
  const table = { a: 1 };
  for (const name of NAMES) assert.equal(own(table, name), undefined, name);
  assert.equal(own(table, 'a'), 1);
  assert.equal(own(JSON.parse('{"__proto__": 2}'), '__proto__'), 2);
});

test('a UNTC status table header naming an inherited member is not a kind of action', () => {
  assert.match(String(kindsOfHeader('Constructor')), /is not a kind of treaty action/);
  const table = parseStatusTable('Participant,Constructor\nFrance,24 Jan 1983\n', '4-4.csv');
  assert.deepEqual(
    table.problems.map((p) => `${p.file} ${p.row} ${p.field}`),
    ['4-4.csv 1 Constructor'],
  );
  const month = parseStatusTable('Participant,Ratification\nFrance,24 Constructor 1983\n', '4-4.csv');
  assert.equal(month.actions.length, 0);
  assert.equal(month.problems.length, 1);
});

test('an HTML entity named like an inherited member stays as written', () => {
  assert.equal(decodeEntities('a &constructor; b &tostring; &amp;'), 'a &constructor; b &tostring; &');
});

test('a period in words named like an inherited member is no period', () => {
  assert.equal(termOf('for a period of constructor years'), null);
  assert.deepEqual(termOf('for a period of five years'), { years: 5, from: null });
  assert.equal(groupOf('constructor'), 'text');
  assert.equal(groupOf('__proto__'), 'text');
});

test('a source id "__proto__" is cited as an own key, not set as the prototype', () => {
  const view = { id: '__proto__', title: 't', url: 'https://example.org', retrieved: '', kind: null, asOf: null, copyOf: null };
  const cited = citedSources(new Map([['__proto__', view as any]]), ['__proto__', 'constructor']);
  assert.deepEqual(Object.keys(cited), ['__proto__']);
  // biome-ignore lint/suspicious/noProto: JSON.parse makes __proto__ an own key; that key, not the prototype, is read
  assert.equal(JSON.parse(JSON.stringify(cited)).__proto__.title, 't');
});

test('reference files named like inherited members are unknown instruments, named in the error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-ref-'));
  try {
    cpSync(REFERENCE_DIR, dir, { recursive: true });
    for (const name of ['constructor', '__proto__']) {
      writeFileSync(join(dir, 'instrument-parties', `${name}.csv`), 'iso3,kind,date,effective,source,note,procedure\nFRA,ratification,1990,,unverified,,\n');
    }
    assert.throws(
      () => loadReferenceData(dir),
      (e: IntegrityError) =>
        e instanceof IntegrityError &&
        e.details.some((d) => d.file === 'data/reference/instrument-parties/constructor.csv' && d.field === 'instrument') &&
        e.details.some((d) => d.file === 'data/reference/instrument-parties/__proto__.csv' && d.field === 'instrument'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
