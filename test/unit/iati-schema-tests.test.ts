// Stage 1 of IATI validation against the IATI schema repository's own conformance cases
// (../shared/data/iati-reference/schema-tests, PROVENANCE.md): the 2.03 activity schema accepts
// every activity case under a should-pass folder and rejects every one under should-fail. The
// organisation and registry-record cases test other schemas and are left out. All 538 documents
// are checked in one call, which compiles the schema once.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkAgainstSchema, type SchemaFinding } from '../../src/modules/iati/schema-stage.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const CASES = sharedDataPath('iati-reference', 'schema-tests');
const SCHEMA = sharedDataPath('iati-reference', 'schema');

interface Case {
  /** Relative to schema-tests/: its folders and file name say which rule it exercises. */
  file: string;
  shouldPass: boolean;
}

/** Activity cases: activity-tests/ and the iati-activities/ trees of should-pass/ and should-fail/. */
function activityCases(): Case[] {
  return readdirSync(CASES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xml'))
    .filter((f) => !f.startsWith('organisation-tests/') && !f.startsWith('registry-tests/') && !f.includes('/iati-organisations/'))
    .sort()
    .map((file) => ({ file, shouldPass: file.split('/').includes('should-pass') }));
}

/** "budget/_value: attribute-does-not-exist", from the part of the path after should-pass|fail. */
function ruleOf(file: string): string {
  const parts = file.replace(/\.xml$/, '').split('/');
  const after = parts.slice(parts.findIndex((p) => p === 'should-pass' || p === 'should-fail') + 1);
  return `${after.slice(0, -1).join('/') || '(top)'}: ${after.at(-1)}`;
}

describe('IATI 2.03 activity schema on the schema repository test cases', { skip: skipWithoutSharedData() }, () => {
  const cases = activityCases();
  let findings: SchemaFinding[][] = [];

  test('there are 215 should-pass and 323 should-fail activity cases, checked in one call', async (t) => {
    assert.equal(cases.filter((c) => c.shouldPass).length, 215, `should-pass activity cases under ${CASES}`);
    assert.equal(cases.filter((c) => !c.shouldPass).length, 323, `should-fail activity cases under ${CASES}`);
    const started = performance.now();
    findings = await checkAgainstSchema(
      cases.map((c) => readFileSync(join(CASES, c.file))),
      SCHEMA,
    );
    t.diagnostic(`${cases.length} documents validated against the 2.03 schema in ${Math.round(performance.now() - started)} ms`);
    assert.equal(findings.length, cases.length);
  });

  test('accepts every should-pass case', () => {
    const refused = cases.flatMap((c, i) => {
      const errors = findings[i]!.filter((f) => f.severity === 'error');
      return c.shouldPass && errors.length ? [`${c.file} (rule ${ruleOf(c.file)}) was refused: line ${errors[0]!.line}: ${errors[0]!.message}`] : [];
    });
    assert.deepEqual(refused, []);
  });

  test('rejects every should-fail case, with a line and libxml2 reason', () => {
    const accepted = cases.flatMap((c, i) => (!c.shouldPass && !findings[i]!.some((f) => f.severity === 'error') ? [`${c.file} (rule ${ruleOf(c.file)}) was accepted`] : []));
    assert.deepEqual(accepted, []);
    for (const [i, c] of cases.entries()) {
      if (c.shouldPass) continue;
      for (const f of findings[i]!.filter((f) => f.severity === 'error')) {
        assert.ok(f.message.length > 10 && (f.line === null || f.line > 0), `${c.file}: ${JSON.stringify(f)}`);
      }
    }
  });
});
