// validateIatiActivities, the entry point: both stages in order, problems with stage, rule, path
// and line, on the realistic activity of test/fixtures/iati and changes made to it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FilesUnavailableError } from '../../src/shared/errors.ts';
import { validateIatiActivities } from '../../src/modules/iati/validate.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const ACTIVITY = readFileSync(new URL('../fixtures/iati/ohchr-human-rights-activity.xml', import.meta.url), 'utf8');
const options = { today: '2025-06-30', schemaDir: sharedDataPath('iati-reference', 'schema') };
const brief = (problems: { stage: string; rule: string; path: string | null; line: number | null }[]) => problems.map((p) => [p.stage, p.rule, p.path, p.line]);

describe('validateIatiActivities', { skip: skipWithoutSharedData() }, () => {
  test('an OHCHR-like human-rights project (sector 15160) passes both stages, as text or bytes', async () => {
    assert.deepEqual(await validateIatiActivities(ACTIVITY, options), { ok: true, problems: [], activities: 1 });
    assert.deepEqual(await validateIatiActivities(Buffer.from(ACTIVITY), options), { ok: true, problems: [], activities: 1 });
  });

  test('a schema error names the element path, line and libxml2 reason; the rules are not run', async () => {
    const xml = ACTIVITY.replace('<budget type="1" status="1">', '<budget type="1" status="1" amount="5">').replace('default-currency="USD" ', '');
    const result = await validateIatiActivities(xml, options);
    assert.equal(result.ok, false);
    assert.deepEqual(brief(result.problems), [['schema', 'schema', '/iati-activities/iati-activity[1]/budget[2]', 58]]);
    assert.match(result.problems[0]!.message, /Element 'budget', attribute 'amount': The attribute 'amount' is not allowed/);
    assert.equal(result.activities, 1);
  });

  test('a missing required element is reported at the element the schema met instead', async () => {
    const result = await validateIatiActivities(ACTIVITY.replace('<activity-status code="2"/>', ''), options);
    assert.deepEqual(brief(result.problems), [['schema', 'schema', '/iati-activities/iati-activity[1]/activity-date[1]', 32]]);
    assert.match(result.problems[0]!.message, /Expected is .*activity-status/);
  });

  test('XML that is not well-formed is its own stage', async () => {
    const result = await validateIatiActivities(ACTIVITY.replace('</title>', '</titel>'), options);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => [p.stage, p.rule, p.line]),
      [['xml', 'xml', 15]],
    );
    assert.match(result.problems[0]!.message, /^not well-formed XML: Opening and ending tag mismatch: title line 12 and titel/);
    assert.equal(result.activities, 0);
  });

  test('a valid 2.03 file of another version, or breaking rules, is refused by the rules stage', async () => {
    const old = await validateIatiActivities(ACTIVITY.replace('version="2.03"', 'version="1.05"'), options);
    assert.deepEqual(brief(old.problems), [['rules', 'version.supported', '/iati-activities/@version', 5]]);
    const broken = await validateIatiActivities(
      ACTIVITY.replace('code="15160" percentage="100"', 'code="15160" percentage="90"').replace('<period-end iso-date="2024-12-31"/>', '<period-end iso-date="2025-02-28"/>'),
      options,
    );
    assert.deepEqual(
      broken.problems.map((p) => [p.rule, p.path]),
      [
        ['sector.percentage-sum', '/iati-activities/iati-activity[1]/sector[1]'],
        ['budget.period-length', '/iati-activities/iati-activity[1]/budget[1]'],
      ],
    );
  });

  test('a file of 2,000 activities: each checked, an error found by its position', async (t) => {
    const activity = ACTIVITY.slice(ACTIVITY.indexOf('  <iati-activity '), ACTIVITY.indexOf('</iati-activities>'));
    const many = (n: number, change: (a: string, i: number) => string) =>
      `<iati-activities version="2.03">\n${Array.from({ length: n }, (_, i) => change(activity.replace('TC-APAC-2024-001', `TC-APAC-2024-${i + 1}`), i + 1)).join('')}</iati-activities>\n`;
    const started = performance.now();
    const valid = await validateIatiActivities(
      many(2000, (a) => a),
      options,
    );
    t.diagnostic(`2,000 valid activities (${(many(2000, (a) => a).length / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual([valid.ok, valid.problems.length, valid.activities], [true, 0, 2000]);
    const invalidXml = many(2000, (a, i) => (i === 1500 ? a.replace('<sector vocabulary="1" code="15160"', '<sector vocabulary="1"') : a));
    const invalid = await validateIatiActivities(invalidXml, options);
    // Line 143,943, past where libxml2 counts lines one too far (65,535): the path and line are right.
    const sectorLine = invalidXml.split('\n').findIndex((l) => l.includes('<sector vocabulary="1" percentage')) + 1;
    assert.deepEqual(
      invalid.problems.map((p) => [p.path, p.line]),
      [['/iati-activities/iati-activity[1500]/sector[1]', sectorLine]],
    );
    assert.equal(invalid.activities, 2000);
  });

  test('without the schema folder it says where it looked and how to point to one', async () => {
    await assert.rejects(validateIatiActivities(ACTIVITY, { schemaDir: '/nowhere/schema' }), (error: Error) => {
      assert.ok(error instanceof FilesUnavailableError);
      assert.match(error.message, /\/nowhere\/schema lacks iati-activities-schema\.xsd, iati-common\.xsd, xml\.xsd\. Set IATI_SCHEMA_DIR to a folder/);
      return true;
    });
  });
});
