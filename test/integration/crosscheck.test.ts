// The shipped reference data against the independent reference folders in ../shared/data:
// every difference must be explained in data/reference/reviewed-differences.json, and every
// explanation must still be needed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadReferenceData } from '../../src/reference/load.ts';
import { REFERENCE_DIR } from '../../src/reference/read-files.ts';
import { compareNames, compareWithSharedData } from '../crosscheck/compare.ts';
import { skipWithoutSharedData } from '../support/shared-data.ts';

const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

interface Reviewed {
  difference: string;
  explanation: string;
  sources: string[];
}

test('codes, regions, UN membership, groups and memberships match ../shared/data or are explained', { skip: skipWithoutSharedData() }, () => {
  const data = loadReferenceData();
  const reviewed = JSON.parse(readFileSync(join(REFERENCE_DIR, 'reviewed-differences.json'), 'utf8')) as Reviewed[];
  const explained = new Set(reviewed.map((r) => r.difference));
  const found = compareWithSharedData(data);
  const unexplained = found.filter((d) => !explained.has(d));
  const stale = [...explained].filter((d) => !found.includes(d));
  assert.deepEqual(unexplained, [], 'differences not in reviewed-differences.json');
  assert.deepEqual(stale, [], 'reviewed differences that no longer occur');
  const sourceIds = new Set(data.sources.map((s) => s.id));
  for (const r of reviewed) {
    assert.ok(r.explanation.length > 20, `explain: ${r.difference}`);
    for (const id of r.sources) assert.ok(sourceIds.has(id), `${r.difference}: unknown source ${id}`);
  }
});

test('names beside UNTERM: differences written to test-artifacts/name-differences.csv', { skip: skipWithoutSharedData() }, () => {
  const lines = compareNames(loadReferenceData());
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'name-differences.csv'), `${lines.join('\n')}\n`);
  assert.ok(lines.length > 1, 'the package names are not UNTERM names: some differences are expected');
});
