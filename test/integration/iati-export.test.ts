// Projects written as an IATI 2.03 activity file, on each database: the file passes both stages of
// validation (the 2.03 schema, then the version, codelist and IATI rules); it holds the projects
// the reader may see and no other; what IATI cannot say exactly (a date known only to the month, a
// document with no category) is left out rather than made up; the publishing organisation must be
// one IATI can name (400 naming the parameter).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publicView } from '../../src/db/visibility.ts';
import { iatiActivities } from '../../src/modules/iati-export/export.ts';
import { validateIatiActivities } from '../../src/modules/iati/validate.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { skipWithoutSharedData } from '../support/shared-data.ts';

const PUBLISHER = { ref: 'XX-TEST-1', type: '40', name: 'A publisher written for the test' };
const STAMP = { created_by: 'test', created_at: '2026-11-01T10:00:00.000Z', updated_at: '2026-11-02T10:00:00.000Z' };

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

for (const dialect of testDialects()) {
  describe(`IATI export on ${dialect}`, () => {
    let t: TestApp;

    before(async () => {
      t = await seededApp(dialect);
      const db = t.db.db;
      // One row at a time: SQLite has no DEFAULT inside VALUES, so rows of a multi-row insert must name the same columns.
      await db
        .insertInto('project')
        .values({
          id: 'prj-a',
          title: 'Support to national human-rights institutions & treaty reporting',
          objectives: 'Officials trained on treaty reporting <in two States>',
          status: 'implementation',
          planned_start: '2025-01-01',
          planned_end: '2026-12',
          actual_start: '2025-02-03',
          default_currency: 'USD',
          sdg_tags: '["16","16.a"]',
          ...STAMP,
        })
        .execute();
      await db
        .insertInto('project')
        .values({ id: 'prj-hidden', title: 'A restricted project', status: 'pipeline', planned_start: '2026-01-01', confidentiality: 'restricted', audience: '["state:KEN"]', ...STAMP })
        .execute();
      await db
        .insertInto('project_country')
        .values([
          { project_id: 'prj-a', iso3: 'KEN', percentage: '60' },
          { project_id: 'prj-a', iso3: 'UGA', percentage: '40' },
        ])
        .execute();
      await db.insertInto('project_organization').values({ project_id: 'prj-a', role: 'funding', name: 'A donor written for the test', ref: 'XX-TEST-2', type: '10' }).execute();
      await db
        .insertInto('project_budget')
        .values({
          project_id: 'prj-a',
          period_start: '2025-01-01',
          period_end: '2025-12-31',
          amount: '250000.00',
          currency: 'EUR',
          value_date: '2025-01-01',
          status: 'committed',
          funding_source: 'voluntary-contributions',
        })
        .execute();
      await db
        .insertInto('project_transaction')
        .values({
          project_id: 'prj-a',
          type: 'disbursement',
          date: '2025-03-01',
          amount: '12000.50',
          currency: 'USD',
          value_date: '2025-03-01',
          funding_source: 'regular-budget',
          description: 'First workshop',
        })
        .execute();
      const result = await db.insertInto('project_result').values({ project_id: 'prj-a', type: 'output', title: 'Officials trained' }).returning('id').executeTakeFirstOrThrow();
      await db
        .insertInto('project_indicator')
        .values({ result_id: Number(result.id), title: 'Number of officials trained', measure: 'unit', ascending: 1, baseline_year: 2024, baseline_value: '0' })
        .execute();
      await db
        .insertInto('cooperation_document')
        .values([
          { owner_kind: 'project', owner_id: 'prj-a', title: 'Project document', url: 'https://example.org/prj-a.pdf', category: 'A02', lang: 'en', date: '2025-01-10' },
          { owner_kind: 'project', owner_id: 'prj-a', title: 'A document with no category', url: 'https://example.org/other.pdf', category: null, lang: null, date: null },
        ])
        .execute();
    });
    after(async () => {
      await t.db.drop();
    });

    test('the public projects pass the schema and the IATI rules; the restricted one is not in the file', { skip: skipWithoutSharedData() }, async () => {
      const xml = await collect(iatiActivities(publicView(t.db.db), PUBLISHER, new Date('2026-12-01T00:00:00Z')));
      const validation = await validateIatiActivities(xml, { today: '2026-12-01' });
      assert.deepEqual(
        validation.problems.map((p) => `${p.rule} ${p.path} ${p.message}`),
        [],
      );
      assert.equal(validation.activities, 1);
      assert.ok(!xml.includes('prj-hidden') && !xml.includes('A restricted project'));
    });

    test('each project says what it states, and nothing it does not', async () => {
      const xml = await collect(iatiActivities(publicView(t.db.db), PUBLISHER));
      assert.match(xml, /<iati-identifier>XX-TEST-1-prj-a<\/iati-identifier>/);
      assert.match(xml, /<title><narrative>Support to national human-rights institutions &amp; treaty reporting<\/narrative><\/title>/);
      assert.match(xml, /&lt;in two States&gt;/, 'text is escaped');
      assert.match(xml, /<sector vocabulary="1" code="15160"\/>/);
      assert.match(xml, /<tag vocabulary="2" code="16"\/>/);
      assert.match(xml, /<tag vocabulary="3" code="16.a"\/>/);
      assert.match(xml, /<recipient-country code="KE" percentage="60"\/>/);
      assert.match(xml, /<participating-org ref="XX-TEST-1" type="40" role="2">/, 'the publisher is accountable when the project names no one');
      assert.match(xml, /<activity-date type="1" iso-date="2025-01-01"\/>/);
      assert.doesNotMatch(xml, /type="3"/, 'a planned end known only to the month is left out');
      assert.match(xml, /<value currency="EUR" value-date="2025-01-01">250000.00<\/value>/, 'amounts as stored, exactly');
      assert.match(xml, /<transaction-type code="3"\/>/, 'a disbursement');
      assert.equal((xml.match(/<document-link /g) ?? []).length, 1, 'the document with no category is left out');
    });

    test('the API streams the file, and refuses a publisher IATI cannot name', async () => {
      const ok = await t.app.request(`/api/v1/iati/activities.xml?reportingOrgRef=XX-TEST-1&reportingOrgType=40&reportingOrgName=Test`);
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-type') ?? '', /^application\/xml/);
      assert.match(await ok.text(), /<iati-activities version="2.03"/);
      const bad = await t.app.request('/api/v1/iati/activities.xml?reportingOrgRef=XX/1&reportingOrgType=999&reportingOrgName=Test');
      assert.equal(bad.status, 400);
      const body = (await bad.json()) as { error: { details: { parameter: string }[] } };
      assert.deepEqual(body.error.details.map((d) => d.parameter).sort(), ['reportingOrgRef', 'reportingOrgType']);
    });
  });
}
