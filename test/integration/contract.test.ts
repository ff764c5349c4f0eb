// Contract: every GET operation of the OpenAPI document answers with a body that validates
// against the schema the document declares for that status.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { testDialects } from '../support/databases.ts';
import { import2004, importShared } from '../support/resolutions.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { makeAccount } from '../support/accounts.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { createTreatyAction } from '../../src/modules/treaty-status/entered-actions.ts';
import { FRANCE_RATIFIES_ISTANBUL } from '../support/records.ts';
import { sharedDataPath } from '../support/shared-data.ts';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { createAgreement } from '../../src/modules/funding-agreements/write.ts';
import { createExchangeRate } from '../../src/modules/money/write.ts';
import { createProject } from '../../src/modules/projects/write.ts';
import { AGREEMENT, PROJECT, rate } from '../support/projects.ts';
import { insertRequest, insertStep } from '../../src/modules/assistance-requests/repository.ts';
import { insertObstacle, replaceInstruments } from '../../src/modules/obstacles/repository.ts';
import { createWebhook } from '../../src/modules/webhooks/write.ts';
import { receivedRecord } from '../support/sync.ts';
import { newDelivery, WEBHOOK_BODY } from '../support/webhooks.ts';
import { findDraft, insertDraft } from '../../src/modules/report/drafts/repository.ts';
import { draftDocument } from '../../src/modules/report/drafts/service.ts';
import { saveVersion } from '../../src/modules/report/drafts/write.ts';

const EXAMPLES: Record<string, string> = { iso3: 'MAR', id: 'au' };

for (const dialect of testDialects()) {
  describe(`OpenAPI contract on ${dialect}`, () => {
    let t: TestApp;
    let doc: any;
    // Requests are made by an administrator, who may read every route (the authorization
    // matrix checks who else may); the account's own id stands for {id} on the account routes.
    let asAdmin: Record<string, string>;
    let adminId: string;
    let calendarFile = ''; // the administrator's secret calendar address, for /calendar/{file}
    let changeId = ''; // the latest change of the feed, for /changes/{id}
    let webhookId = ''; // a webhook with a delivery, for /webhooks/{id}…
    before(async () => {
      t = await seededApp(dialect);
      doc = (await t.get('/api/v1/openapi.json')).body;
      const admin = await makeAccount(t.db.db, 'contract@example.org', ['admin']);
      adminId = admin.id;
      const { token } = await runUseCase(t.db.db, createTokenUseCase, { actor: 'system', userId: admin.id, name: 'contract', days: 1 }, systemContext('test'));
      asAdmin = { Authorization: `Bearer ${token}` };
      const feed = await t.app.request('/api/v1/users/me/calendar-feed', { method: 'POST', headers: asAdmin });
      calendarFile = String(((await feed.json()) as { url: string }).url)
        .split('/')
        .pop()!;
      // The documented example resolutions: the 2004 text and its mandates, and a family of two.
      await import2004(t, asAdmin);
      await importShared(t, asAdmin, 'corpus', 'A-RES-78-235.txt');
      await importShared(t, asAdmin, 'A-RES-80-212.txt');
      // An entered treaty act, so that /treaty-actions/{instrument}/{seq} has one to answer with.
      await createTreatyAction(t.db.db, FRANCE_RATIFIES_ISTANBUL, systemContext('test'));
      // The documented examples of the programme's records: a project, its agreement, rate 1.
      await createAgreement(t.db.db, { ...AGREEMENT, id: 'example-agreement' }, systemContext('test'));
      await createProject(
        t.db.db,
        {
          ...PROJECT,
          id: 'example-project',
          budget: PROJECT.budget.map((b) => (b.agreementId ? { ...b, agreementId: 'example-agreement' } : b)),
          transactions: PROJECT.transactions.map((b) => (b.agreementId ? { ...b, agreementId: 'example-agreement' } : b)),
        },
        systemContext('test'),
      );
      await createExchangeRate(t.db.db, rate('EUR', 'USD', '1.0850', '2024-01-02'), systemContext('test'));
      // The voluntary pledges, so that /recommendations/{id} has its documented example to answer with.
      await importUprInfo(t.db.db, sharedDataPath('upr-info-terman', 'sessions-18-20', 'upr_voluntary_pledges_sessions_01-19.csv'));
      // The request of the documented example, so that /requests/{id} has one to answer with.
      const at = new Date().toISOString();
      const stamp = { created_by: 'test', created_at: at, updated_at: at };
      await insertRequest(t.db.db, {
        id: 'req-k3v9q2m8xa',
        state_iso3: 'MAR',
        authority: 'Ministry',
        received: '2026-01-05',
        subject: 'Example',
        status: 'received',
        status_date: '2026-01-05',
        due: null,
        ...stamp,
      });
      await insertStep(t.db.db, { request_id: 'req-k3v9q2m8xa', status: 'received', date: '2026-01-05', reason: null, recorded_by: 'test', recorded_at: at });
      // The obstacle of the documented example, for /obstacles/{id} and its strategies.
      await insertObstacle(t.db.db, {
        id: 'obs-k3v9q2m8xa',
        state_iso3: 'USA',
        category: 'other',
        description: 'Example',
        identified: '2020',
        identified_by: 'Test',
        status: 'stands',
        status_date: null,
        ...stamp,
      });
      await replaceInstruments(t.db.db, 'obs-k3v9q2m8xa', ['ICMW']);
      // The sync peer, run and received record of the documented examples.
      await t.db.db
        .insertInto('sync_peer')
        .values({ id: 'peer_0123456789ab', name: 'Example peer', base_url: 'https://203.0.113.20/', token: null, active: 1, page_size: 500, cursor: 0, ...stamp })
        .execute();
      await t.db.db
        .insertInto('sync_run')
        .values({
          peer_id: 'peer_0123456789ab',
          status: 'done',
          started_by: 'test',
          started_at: at,
          finished_at: at,
          from_cursor: 0,
          to_cursor: 7,
          pages: 1,
          received: 1,
          applied: 1,
          skipped: 0,
          log: '[]',
        })
        .execute();
      await receivedRecord(t, 'peer_0123456789ab', 'workshop-12', 'Example');
      await t.db.db.updateTable('synced_record').set({ confidentiality: 'public' }).execute();
      // The report draft of the documented example, the administrator's, with its version 1.
      await insertDraft(t.db.db, {
        id: 'rd-k3v9q2m8xa',
        name: 'Example draft',
        session: 61,
        as_of: '2006-06-30',
        period_start: '2005-07-01',
        regions: '["002"]',
        lang: 'en',
        symbol: null,
        agenda_item: null,
        owner: `user:${adminId}`,
        created_at: at,
        updated_at: at,
      });
      const draft = (await findDraft(t.db.db, 'rd-k3v9q2m8xa'))!;
      const current = await draftDocument(t.db.db, draft);
      await saveVersion(t.db.db, { id: draft.id, expectedVersion: 1, readVersion: 1, note: 'Example', ...current }, systemContext('test'));
      webhookId = (await createWebhook(t.db.db, WEBHOOK_BODY, systemContext('test'))).id;
      await newDelivery(t, webhookId);
      changeId = String((await t.db.db.selectFrom('change_entry').select('audit_id').orderBy('audit_id', 'desc').executeTakeFirstOrThrow()).audit_id);
    });
    after(() => t.db.drop());

    test('the document is OpenAPI 3.1 and lists the registry endpoints', () => {
      assert.equal(doc.openapi, '3.1.0');
      for (const path of [
        '/api/v1/states',
        '/api/v1/states/{iso3}',
        '/api/v1/organizations',
        '/api/v1/organizations/{id}',
        '/api/v1/organizations/{id}/members',
        '/api/v1/instruments',
        '/api/v1/instruments/{code}',
        '/api/v1/mechanisms',
        '/api/v1/mechanisms/{code}',
        '/api/v1/presences',
        '/api/v1/presences/{id}',
        '/api/v1/coverage',
        '/api/v1/search',
      ]) {
        assert.ok(doc.paths[path]?.get, `${path} is documented`);
      }
    });

    test('every documented GET answers 200, 400 and 404 bodies that match their schemas', async () => {
      const ajv = new Ajv2020.default({ strict: false, allErrors: true });
      ajv.addSchema({ ...doc, $id: 'openapi.json' });
      let checked = 0;
      for (const [path, item] of Object.entries<any>(doc.paths)) {
        const op = item.get;
        if (!op) continue;
        // Path parameters take the example the document gives, so the document is tested too.
        const example = (name: string) =>
          path === '/api/v1/calendar/{file}'
            ? calendarFile
            : path === '/api/v1/changes/{id}'
              ? changeId
              : path.startsWith('/api/v1/webhooks/')
                ? webhookId
                : path === '/api/v1/sync/runs/{runId}'
                  ? '1'
                  : path.startsWith('/api/v1/users/')
                    ? adminId
                    : (op.parameters?.find((p: any) => p.in === 'path' && p.name === name)?.schema?.example ?? EXAMPLES[name]);
        // Required query parameters take their documented examples (search: a word to find).
        const required = (op.parameters ?? []).filter((p: any) => p.in === 'query' && p.required).map((p: any) => [p.name, String(p.name === 'q' ? 'union' : (p.schema?.example ?? p.example))]);
        const url = path.replace(/\{(\w+)\}/g, (_, name) => example(name)) + (required.length ? `?${new URLSearchParams(required)}` : '');
        // A download (CSV, JSON Lines) is no JSON: its 200 is checked for a documented content type, its errors as JSON.
        const documented = Object.keys(op.responses['200']?.content ?? {});
        const download = !documented.includes('application/json');
        if (download) {
          const raw = await t.app.request(url, { headers: asAdmin });
          assert.equal(raw.status, 200, url);
          assert.ok(
            documented.some((type) => raw.headers.get('content-type')?.startsWith(type)),
            `${url}: ${raw.headers.get('content-type')} is documented`,
          );
          checked += 1;
        }
        const cases: [string, number][] = [...(download ? [] : ([[url, 200]] as [string, number][])), [`${url}${url.includes('?') ? '&' : '?'}limit=0&unknown=1`, 400]];
        // A value of the parameter's own type that names nothing: a number for numbered records; a value
        // outside a closed list is refused as such (400).
        const pathParam = (name: string) => op.parameters?.find((p: any) => p.in === 'path' && p.name === name)?.schema;
        const unknown = (name: string) => (pathParam(name)?.type === 'integer' ? '999999' : 'NOPE');
        const closed = [...path.matchAll(/\{(\w+)\}/g)].some(([, name]) => pathParam(name!)?.enum);
        if (path.includes('{')) cases.push([path.replace(/\{(\w+)\}/g, (_, name) => unknown(name)), closed ? 400 : 404]);
        for (const [requestUrl, status] of cases) {
          const r = await t.get(requestUrl, asAdmin);
          assert.equal(r.status, status, requestUrl);
          const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
          assert.ok(schema, `${path} documents a JSON ${status}`);
          const validate = ajv.compile({ $ref: `openapi.json#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/${status}/content/application~1json/schema` });
          assert.ok(validate(r.body), `${requestUrl} → ${status}: ${ajv.errorsText(validate.errors)}`);
          checked += 1;
        }
      }
      assert.ok(checked >= 20, `checked ${checked} responses`);
    });
  });
}
