// Importing IATI activity files (issue 14), on each database, through the API and the command
// line: a valid file becomes one project per activity, through the projects' write path (one
// audit record each, one source naming the file); importing it again changes nothing, and a
// changed activity updates its project rather than adding one; a file that is not well-formed,
// not 2.0x, breaks the schema, a codelist or what a project can hold is refused whole, naming
// the rule and the element's path, with nothing stored; only OHCHR editors and administrators
// may import; exporting the imported projects gives back the same activities.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { publicView } from '../../src/db/visibility.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { iatiActivities } from '../../src/modules/iati-export/export.ts';
import { importIatiFile } from '../../src/modules/iati-import/import.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { skipWithoutSharedData } from '../support/shared-data.ts';

const FIXTURES = new URL('../fixtures/iati/import/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const VALID = 'three-activities.valid.xml';
const QUERY = 'sourceUrl=https%3A%2F%2Fexample.org%2Fiati%2Ftest.xml&fundingSource=voluntary-contributions';
const PUBLISHER = { ref: 'XX-TEST-9', type: '40', name: 'A publisher written for the tests' };
const skip = skipWithoutSharedData();

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** The activities of a file, each as written, keyed and sorted by identifier, without the time stamp of the export. */
function activitiesOf(xml: string): string[] {
  return [...xml.matchAll(/<iati-activity [\s\S]*?<\/iati-activity>/g)].map((m) => m[0].replace(/ last-updated-datetime="[^"]*"/, '')).sort();
}

for (const dialect of testDialects()) {
  describe(`IATI import on ${dialect}`, { skip }, () => {
    let t: TestApp;
    let editor: Record<string, string>;
    let viewer: Record<string, string>;
    const count = async (table: 'project' | 'audit_record' | 'source') =>
      Number(
        (
          await t.db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const upload = (name: string, headers: Record<string, string>, body: Uint8Array | string = fixture(name), query = QUERY) =>
      t.app.request(`/api/v1/iati/activities?filename=${name}&${query}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/xml' }, body: body as BodyInit });

    before(async () => {
      t = await seededApp(dialect);
      editor = (await signIn(t.app, await makeAccount(t.db.db, 'iati-editor@example.org', ['ohchr-editor']))).write;
      viewer = (await signIn(t.app, await makeAccount(t.db.db, 'iati-viewer@example.org', ['viewer']))).write;
    });
    after(async () => {
      await t.db.drop();
    });

    test('refused files store nothing, and say the rule and the element', async () => {
      const before = { projects: await count('project'), audit: await count('audit_record'), sources: await count('source') };
      const cases: [string, string, RegExp][] = [
        ['not-well-formed.xml', 'xml', /titel/],
        ['version-1.05.xml', 'version.supported', /^\/iati-activities\/@version$/],
        ['schema-failure.xml', 'schema', /^\/iati-activities\/iati-activity\[2\]\/activity-date\[1\]$/],
        ['codelist-failure.xml', 'codelist.unknown', /^\/iati-activities\/iati-activity\[2\]\/activity-status\[1\]\/@code$/],
        ['unsupported-transaction.xml', 'import.unsupported', /^\/iati-activities\/iati-activity\[3\]\/transaction\[1\]$/],
        // Found only while writing, after two activities were written in the file's transaction: rolled back.
        ['unknown-region.xml', 'import.project', /^\/iati-activities\/iati-activity\[3\]$/],
      ];
      for (const [file, rule, where] of cases) {
        const answer = await upload(file, editor);
        assert.equal(answer.status, 422, file);
        const { error } = (await answer.json()) as { error: { code: string; message: string; details: { rule: string; path?: string; line?: number; reason: string }[] } };
        assert.equal(error.code, 'iati_file_refused');
        const problem = error.details.find((d) => d.rule === rule);
        assert.ok(problem, `${file}: ${JSON.stringify(error.details)}`);
        assert.match(rule === 'xml' ? problem.reason : (problem.path ?? ''), where, file);
        assert.equal(typeof problem.line, 'number', `${file}: the line is given`);
        if (rule.startsWith('import.')) assert.match(problem.reason, /XX-TEST-9-ACT-3/, 'the activity is named by its identifier');
        if (rule === 'import.project') assert.equal((problem as { field?: string }).field, 'regionCode');
      }
      assert.deepEqual({ projects: await count('project'), audit: await count('audit_record'), sources: await count('source') }, before);
    });

    test('a valid file creates one project per activity, each audited, with one source naming the file', async () => {
      const before = { projects: await count('project'), audit: await count('audit_record') };
      const answer = await upload(VALID, editor);
      assert.equal(answer.status, 200, await answer.clone().text());
      const report = (await answer.json()) as { activities: number; created: number; projects: { identifier: string; id: string }[] };
      assert.equal(report.activities, 3);
      assert.equal(report.created, 3);
      assert.equal(await count('project'), before.projects + 3);
      assert.equal(await count('audit_record'), before.audit + 3);
      const id = report.projects.find((p) => p.identifier === 'XX-TEST-9-ACT-1')!.id;
      const { body } = await t.get(`/api/v1/projects/${id}`);
      assert.equal(body.title, 'Test activity 1: training on treaty reporting', 'the English narrative');
      assert.equal(body.objectives, 'Officials of activity 1 trained on treaty reporting.', 'the objectives (description type 2)');
      assert.equal(body.status, 'implementation');
      assert.equal(body.plannedStart, '2024-01-01');
      assert.equal(body.actualStart, '2024-02-01');
      assert.equal(body.plannedEnd, '2025-12-31');
      const sources = await t.db.db.selectFrom('source').selectAll().where('title', '=', `imported from IATI file ${VALID}`).execute();
      assert.equal(sources.length, 1, 'one source for the file');
      assert.equal(sources[0]!.kind, 'official');
      const row = await t.db.db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.sources), [sources[0]!.id]);
      const budget = await t.db.db.selectFrom('project_budget').selectAll().where('project_id', '=', id).execute();
      assert.deepEqual(
        budget.map((b) => [b.amount, b.currency, b.period_start, b.status, b.funding_source]),
        [['110000.00', 'EUR', '2024-01-01', 'committed', 'voluntary-contributions']],
        'the default currency where the value names none',
      );
      const countries = await t.db.db.selectFrom('project_country').select(['iso3', 'percentage']).where('project_id', '=', id).orderBy('iso3').execute();
      assert.deepEqual(countries, [
        { iso3: 'KEN', percentage: '60' },
        { iso3: 'UGA', percentage: '40' },
      ]);
      const third = await t.db.db.selectFrom('project').selectAll().where('iati_identifier', '=', 'XX-TEST-9-ACT-3').executeTakeFirstOrThrow();
      assert.equal(third.region_code, '142');
    });

    test('importing the file again changes nothing; a changed activity updates its project', async () => {
      const before = { projects: await count('project'), audit: await count('audit_record'), sources: await count('source') };
      const again = await upload(VALID, editor);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json().then((r: any) => [r.created, r.updated, r.unchanged]), [0, 0, 3]);
      assert.deepEqual({ projects: await count('project'), audit: await count('audit_record'), sources: await count('source') }, before);

      const changed = fixture(VALID).toString('utf8').replace('Test activity 2: training', 'Test activity 2 (renamed): training');
      const answer = await upload(VALID, editor, changed);
      assert.deepEqual(await answer.json().then((r: any) => [r.created, r.updated, r.unchanged]), [0, 1, 2]);
      assert.equal(await count('project'), before.projects, 'updated, not duplicated');
      const row = await t.db.db.selectFrom('project').select('title').where('iati_identifier', '=', 'XX-TEST-9-ACT-2').executeTakeFirstOrThrow();
      assert.equal(row.title, 'Test activity 2 (renamed): training on treaty reporting');
      await upload(VALID, editor); // back as the file says, for the tests below
    });

    test('only OHCHR editors and administrators import; a body too large is a 413', async () => {
      assert.equal((await upload(VALID, { 'Content-Type': 'application/xml' })).status, 401);
      assert.equal((await upload(VALID, viewer)).status, 403);
      const big = new Uint8Array(32 * 1024 * 1024 + 1);
      assert.equal((await upload(VALID, editor, big)).status, 413);
      const json = await t.app.request(`/api/v1/iati/activities?${QUERY}`, { method: 'POST', headers: { ...editor }, body: '{}' });
      assert.equal(json.status, 400, 'JSON is not an activity file');
      const noFunding = await upload(VALID, editor, fixture(VALID), 'sourceUrl=https%3A%2F%2Fexample.org%2Fx.xml');
      assert.equal(noFunding.status, 422);
      assert.deepEqual(
        ((await noFunding.json()) as any).error.details.map((d: any) => d.parameter),
        ['fundingSource'],
      );
    });

    test('the command line imports a file, and refuses a bad one with a list and a failing exit', async () => {
      const run = promisify(execFile);
      const env = { ...process.env, DATABASE_URL: t.db.url };
      const bin = new URL('../../bin/accord.js', import.meta.url).pathname;
      const ok = await run('node', [bin, 'import', 'iati', join(FIXTURES, VALID), '--source-url', 'https://example.org/iati/test.xml', '--funding-source', 'voluntary-contributions'], { env });
      assert.match(ok.stdout, /3 activities: 0 projects created, 0 updated, 3 unchanged/);
      const bad = await run('node', [bin, 'import', 'iati', join(FIXTURES, 'codelist-failure.xml'), '--source-url', 'https://example.org/x.xml', '--funding-source', 'regular-budget'], { env }).then(
        () => assert.fail('a refused file must fail the command'),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /\/iati-activities\/iati-activity\[2\]\/activity-status\[1\]\/@code, rule codelist.unknown/);
    });

    test('export, import into a fresh database, export again: the same activities', async () => {
      const first = await collect(iatiActivities(publicView(t.db.db), PUBLISHER));
      assert.equal(activitiesOf(first).length, 3);
      const fresh = await seededApp(dialect);
      try {
        const report = await importIatiFile(fresh.db.db, Buffer.from(first), {
          fileName: 'round-trip.xml',
          sourceUrl: 'https://example.org/iati/round-trip.xml',
          fundingSource: 'voluntary-contributions',
          context: systemContext('test'),
        });
        assert.equal(report.created, 3);
        const second = await collect(iatiActivities(publicView(fresh.db.db), PUBLISHER));
        assert.deepEqual(activitiesOf(second), activitiesOf(first));
      } finally {
        await fresh.db.drop();
      }
    });

    test('a file of a secondary reporter is a secondary source', async () => {
      const file = fixture(VALID)
        .toString('utf8')
        .replaceAll('XX-TEST-9-ACT-', 'XX-TEST-9-SEC-')
        .replaceAll('<reporting-org ref="XX-TEST-9" type="40">', '<reporting-org ref="XX-TEST-9" type="40" secondary-reporter="1">');
      const answer = await upload('secondary.xml', editor, file);
      assert.equal(answer.status, 200, await answer.clone().text());
      const source = await t.db.db.selectFrom('source').select('kind').where('title', '=', 'imported from IATI file secondary.xml').executeTakeFirstOrThrow();
      assert.equal(source.kind, 'secondary');
    });
  });
}
