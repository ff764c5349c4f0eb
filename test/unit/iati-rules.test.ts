// Stage 2 of IATI validation (version, codelists, the IATI rules of docs/IATI.md) on fixtures
// written for it (test/fixtures/iati/rules/<rule>.<case>.<kind>.xml): a `fail` case breaks its
// rule and no other, a `warn` case gets warnings of its rule only, a `pass` case gets nothing.
// Every fixture first passes the 2.03 schema, all in one xmllint call.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { IATI_RULES } from '../../src/modules/iati/rule-kit.ts';
import { checkAgainstSchema } from '../../src/modules/iati/schema-stage.ts';
import { checkRules } from '../../src/modules/iati/validate.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const DIR = new URL('../fixtures/iati/rules/', import.meta.url).pathname;
const TODAY = '2025-06-30';

interface Fixture {
  file: string;
  rule: string;
  kind: 'fail' | 'warn' | 'pass';
  xml: string;
}

const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((file) => {
    const [, rule, kind] = /^(.+)\.[^.]+\.(fail|warn|pass)\.xml$/.exec(file) ?? [];
    assert.ok(rule && kind, `${file}: name it <rule>.<case>.<fail|warn|pass>.xml`);
    return { file, rule, kind: kind as Fixture['kind'], xml: readFileSync(join(DIR, file), 'utf8') };
  });

describe('IATI rules on the rule fixtures', () => {
  test('every rule has a failing (or, for a warning, a warned) fixture and a passing one; every fixture names a rule', () => {
    for (const [rule, severity] of Object.entries(IATI_RULES)) {
      assert.ok(
        fixtures.some((f) => f.rule === rule && f.kind === (severity === 'error' ? 'fail' : 'warn')),
        `no ${severity === 'error' ? 'fail' : 'warn'} fixture for ${rule}`,
      );
      assert.ok(
        fixtures.some((f) => f.rule === rule && f.kind === 'pass'),
        `no pass fixture for ${rule}`,
      );
    }
    for (const f of fixtures) assert.ok(f.rule in IATI_RULES, `${f.file}: no rule ${f.rule}`);
  });

  test('every fixture is valid against the 2.03 schema, so only the rules tell them apart', { skip: skipWithoutSharedData() }, async () => {
    const findings = await checkAgainstSchema(
      fixtures.map((f) => f.xml),
      sharedDataPath('iati-reference', 'schema'),
    );
    const refused = fixtures.flatMap((f, i) => findings[i]!.map((p) => `${f.file}: line ${p.line}: ${p.message}`));
    assert.deepEqual(refused, []);
  });

  for (const f of fixtures) {
    test(`${f.file}`, () => {
      const result = checkRules(f.xml, { today: TODAY });
      const seen = result.problems.map((p) => `${p.severity} ${p.rule} ${p.path}: ${p.message}`);
      if (f.kind === 'pass') {
        assert.deepEqual(seen, [], 'a passing fixture has no problem');
        assert.equal(result.ok, true);
        return;
      }
      assert.ok(result.problems.length > 0, `${f.file} breaks ${f.rule}, yet no problem was found`);
      assert.deepEqual(
        result.problems.filter((p) => p.rule !== f.rule || p.severity !== (f.kind === 'fail' ? 'error' : 'warning')),
        [],
        `only ${f.rule} problems of severity ${f.kind}: ${seen.join(' | ')}`,
      );
      assert.equal(result.ok, f.kind === 'warn');
      for (const p of result.problems) {
        assert.equal(p.stage, 'rules');
        assert.match(p.path ?? '', /^\/iati-activities(\/[a-z-]+\[\d+\])*(\/@[a-z:-]+)?$/);
        assert.ok((p.line ?? 0) > 2, `${p.path}: a line`);
      }
    });
  }

  test('a problem names the element, its attribute and the line', () => {
    const at = (file: string) => checkRules(readFileSync(join(DIR, file), 'utf8'), { today: TODAY }).problems;
    assert.deepEqual(
      at('budget.period-length.366-days.fail.xml').map((p) => [p.path, p.line, p.message]),
      [['/iati-activities/iati-activity[1]/budget[1]', 15, 'a budget period is at most one year; 2024-01-01 to 2025-01-01 is 366 days: split it by year']],
    );
    assert.deepEqual(
      at('codelist.unknown.sector.fail.xml').map((p) => [p.path, p.message]),
      [['/iati-activities/iati-activity[1]/sector[1]/@code', "'15169' is not a code of the IATI codelist Sector"]],
    );
    assert.deepEqual(
      at('identifier.unique.twice.fail.xml').map((p) => p.path),
      ['/iati-activities/iati-activity[2]/iati-identifier[1]'],
    );
    assert.deepEqual(
      at('geography.percentage-sum.ninety.fail.xml').map((p) => p.message),
      ['the percentages of the recipient countries and regions of vocabulary 1 add up to 90, not 100'],
    );
  });

  test('today decides what is in the future', () => {
    const xml = readFileSync(join(DIR, 'transaction.date-not-future.disbursement.fail.xml'), 'utf8');
    assert.equal(checkRules(xml, { today: '2025-07-10' }).ok, true);
    assert.equal(checkRules(xml, { today: '2025-07-09' }).ok, false);
  });
});
