// The report on regional arrangements over HTTP, on both databases: generated without state in
// every format (DOCX a zip holding word/document.xml, PDF from the installed Chromium), bad
// settings refused naming the parameter, PDF renders limited; and a draft's life: a section
// rewritten, the data beneath changed through the API (the section then flagged, the document
// warning), versions frozen and compared, versions checked, and who may read a draft.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromiumPath } from '../../src/modules/report/document/pdf.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { ask } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { COW_IGO } from '../support/registry-requests.ts';
import { readZip } from '../support/zip-read.ts';

const REPORT = '/api/v1/reports/regional-arrangements';
const SETTINGS = 'session=61&asOf=2006-06-30&regions=002,150';
const chromium = existsSync(chromiumPath());

for (const dialect of testDialects()) {
  describe(`the report's API on ${dialect}`, () => {
    let t: TestApp;
    const as: Record<'anonymous' | 'viewer' | 'drafter' | 'otherDrafter' | 'admin', Record<string, string>> = {} as never;
    before(async () => {
      t = await seededApp(dialect);
      as.anonymous = { 'Content-Type': 'application/json' };
      as.viewer = (await signIn(t.app, await makeAccount(t.db.db, 'report-viewer@example.org', ['viewer']))).write;
      as.drafter = (await signIn(t.app, await makeAccount(t.db.db, 'report-drafter@example.org', ['ohchr-editor']))).write;
      as.otherDrafter = (await signIn(t.app, await makeAccount(t.db.db, 'report-other@example.org', ['ohchr-editor']))).write;
      const admin = await makeAccount(t.db.db, 'report-admin@example.org', ['admin']);
      as.admin = (await signIn(t.app, admin)).write;
    });
    after(async () => t?.db.drop());

    test('json: the head, the sections with fingerprints, the document; never cached', async () => {
      const r = await ask(t, 'GET', `${REPORT}?${SETTINGS}`, as.anonymous);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.headers.get('cache-control'), 'private, no-store');
      assert.equal(r.body.head.session, 61);
      assert.equal(r.body.head.date, '2006-06-30');
      assert.equal(r.body.head.symbol, null);
      assert.deepEqual(
        r.body.sections.map((s: { id: string }) => s.id),
        ['introduction', 'developments', 'cooperation', 'exchanges', 'obstacles', 'implementation', 'conclusions'],
      );
      assert.ok(r.body.sections.every((s: { fingerprint: string }) => /^[0-9a-f]{16}$/.test(s.fingerprint)));
      assert.equal(r.body.document.blocks[0].kind, 'heading');
      const fr = await ask(t, 'GET', `${REPORT}?${SETTINGS}&lang=fr&symbol=A/61/999&agendaItem=Item%2066`, as.anonymous);
      assert.equal(fr.body.head.lang, 'fr');
      assert.equal(fr.body.head.symbol, 'A/61/999');
      assert.equal(fr.body.head.agendaItem, 'Item 66');
    });

    test('html, docx and pdf: files named for the session, date and language', async () => {
      const html = await t.app.request(`${REPORT}?${SETTINGS}&format=html`);
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type')!, /^text\/html/);
      assert.match(await html.text(), /^<!DOCTYPE html>/);
      const docx = await t.app.request(`${REPORT}?${SETTINGS}&format=docx&lang=ar`);
      assert.equal(docx.status, 200);
      assert.equal(docx.headers.get('content-disposition'), 'attachment; filename="regional-arrangements-61-2006-06-30-ar.docx"');
      assert.equal(docx.headers.get('cache-control'), 'private, no-store');
      const parts = readZip(new Uint8Array(await docx.arrayBuffer()));
      assert.match(parts.get('word/document.xml')!.toString('utf8'), /<w:bidi\/>/, 'an Arabic document runs right to left');
      const pdf = await t.app.request(`${REPORT}?${SETTINGS}&format=pdf`);
      if (!chromium) {
        assert.equal(pdf.status, 503);
        return;
      }
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
        '%PDF-',
      );
    });

    test('bad settings: a 400 naming each parameter; the period defaults to a year', async () => {
      const bad = await ask(t, 'GET', `${REPORT}?session=x&asOf=2006-02-30&lang=de&regions=2`, as.anonymous);
      assert.equal(bad.status, 400);
      assert.deepEqual(bad.body.error.details.map((d: { parameter: string }) => d.parameter).sort(), ['asOf', 'lang', 'regions', 'session']);
      const missing = await ask(t, 'GET', `${REPORT}?asOf=2006-06-30`, as.anonymous);
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.details[0].parameter, 'session');
      const after = await ask(t, 'GET', `${REPORT}?session=61&asOf=2006-06-30&periodStart=2006-07-01`, as.anonymous);
      assert.equal(after.body.error.details[0].parameter, 'periodStart');
      const region = await ask(t, 'GET', `${REPORT}?session=61&asOf=2006-06-30&regions=999`, as.anonymous);
      assert.equal(region.status, 400);
      assert.equal(region.body.error.details[0].parameter, 'regions');
      assert.equal((await ask(t, 'GET', `${REPORT}?${SETTINGS}&format=odt`, as.anonymous)).status, 400);
      assert.equal((await ask(t, 'GET', `${REPORT}?${SETTINGS}&unknown=1`, as.anonymous)).status, 400);
    });

    test('at most REPORT_RENDERS PDFs at once: the next is a 503 with Retry-After', { skip: !chromium }, async () => {
      process.env.REPORT_RENDERS = '1';
      try {
        const answers = await Promise.all([1, 2, 3].map(() => t.app.request(`${REPORT}?${SETTINGS}&format=pdf`)));
        const statuses = answers.map((a) => a.status).sort();
        assert.ok(statuses.includes(200) && statuses.includes(503), `statuses ${statuses}`);
        const busy = answers.find((a) => a.status === 503)!;
        assert.equal(busy.headers.get('retry-after'), '10');
        assert.equal(((await busy.json()) as { error: { code: string } }).error.code, 'busy');
      } finally {
        delete process.env.REPORT_RENDERS;
      }
    });

    test("a draft's life: rewritten, the data changed beneath, versions kept and compared", async () => {
      const made = await ask(t, 'POST', '/api/v1/report-drafts', as.drafter, { name: 'Sixty-first session', session: 61, asOf: '2006-06-30', regions: ['002', '150'] });
      assert.equal(made.status, 200, made.text);
      const id = made.body.id as string;
      assert.match(id, /^rd-[a-z0-9]{10}$/);
      assert.equal(made.body.periodStart, '2005-07-01');
      assert.equal(made.headers.get('etag'), '"v1"');
      let draft = await ask(t, 'GET', `/api/v1/report-drafts/${id}`, as.drafter);
      assert.equal(draft.status, 200);
      assert.equal(draft.headers.get('cache-control'), 'private, no-store');
      const developments = draft.body.sections.find((s: { id: string }) => s.id === 'developments');
      assert.equal(developments.rewritten, null);
      assert.equal(developments.dataChanged, false);

      // Rewritten over the generated section.
      const text = `${developments.generatedText}\n\nThe Secretary-General welcomes these developments.[[note: See A/60/123.]]\n\n## A. Africa\n\nA drafter's paragraph.`;
      const unversioned = await ask(t, 'PUT', `/api/v1/report-drafts/${id}/sections/developments`, as.drafter, { text, basedOn: developments.fingerprint });
      assert.equal(unversioned.status, 428, 'a section is written over the version of the draft read');
      const put = await ask(t, 'PUT', `/api/v1/report-drafts/${id}/sections/developments`, as.drafter, { text, basedOn: developments.fingerprint }, { 'If-Match': '"v1"' });
      assert.equal(put.status, 200, put.text);
      assert.equal(put.body.changed, true);
      assert.equal(put.headers.get('etag'), '"v2"');
      draft = await ask(t, 'GET', `/api/v1/report-drafts/${id}`, as.drafter);
      const rewritten = draft.body.sections.find((s: { id: string }) => s.id === 'developments');
      assert.equal(rewritten.rewritten.text, text);
      assert.equal(rewritten.rewritten.basedOn, developments.fingerprint);
      assert.equal(rewritten.dataChanged, false);
      let doc = await ask(t, 'GET', `/api/v1/report-drafts/${id}/document`, as.drafter);
      assert.deepEqual(doc.body.warnings, []);
      assert.ok(JSON.stringify(doc.body.document).includes('The Secretary-General welcomes these developments.'));
      assert.ok(doc.body.document.blocks.some((b: { kind: string; runs?: { footnote?: { text: string }[] }[] }) => b.runs?.some((r) => r.footnote?.[0]?.text === 'See A/60/123.')));

      const v1 = await ask(t, 'POST', `/api/v1/report-drafts/${id}/versions`, as.drafter, { note: 'first' }, { 'If-Match': '"v2"' });
      assert.equal(v1.status, 200, v1.text);
      assert.equal(v1.body.number, 1);
      const frozen = (await ask(t, 'GET', `/api/v1/report-drafts/${id}/versions/1`, as.drafter)).body;

      // The data beneath change: a State joins an organization of the region within the period.
      const joined = await ask(t, 'POST', '/api/v1/organizations/au/membership-events', as.admin, { iso3: 'MAR', event: 'joined', date: '2006-01-31', note: 'for the report test', source: COW_IGO });
      assert.equal(joined.status, 200, joined.text);
      draft = await ask(t, 'GET', `/api/v1/report-drafts/${id}`, as.drafter);
      const changed = draft.body.sections.find((s: { id: string }) => s.id === 'developments');
      assert.notEqual(changed.fingerprint, developments.fingerprint);
      assert.equal(changed.dataChanged, true);
      assert.equal(draft.body.sections.find((s: { id: string }) => s.id === 'introduction').dataChanged, false, 'a section not rewritten is never flagged');
      doc = await ask(t, 'GET', `/api/v1/report-drafts/${id}/document`, as.drafter);
      assert.deepEqual(
        doc.body.warnings.map((w: { section: string }) => w.section),
        ['developments'],
      );

      // The version is as it was saved, not generated again.
      const again = await ask(t, 'GET', `/api/v1/report-drafts/${id}/versions/1`, as.drafter);
      assert.deepEqual(again.body, frozen);
      assert.equal(again.body.note, 'first');
      const v1docx = await t.app.request(`/api/v1/report-drafts/${id}/versions/1?format=docx`, { headers: as.drafter });
      assert.equal(v1docx.status, 200);
      assert.equal(v1docx.headers.get('content-disposition'), `attachment; filename="regional-arrangements-61-2006-06-30-en-${id}-v1.docx"`);
      assert.ok(readZip(new Uint8Array(await v1docx.arrayBuffer())).has('word/document.xml'));
      const html = await t.app.request(`/api/v1/report-drafts/${id}/document?format=html`, { headers: as.drafter });
      assert.match(await html.text(), /welcomes these developments/);

      // A second version, with the section put back to the generated text; compared word by word.
      const restored = await ask(t, 'DELETE', `/api/v1/report-drafts/${id}/sections/developments`, as.drafter, undefined, { 'If-Match': '"v3"' });
      assert.equal(restored.status, 200, restored.text);
      assert.equal(restored.body.changed, true);
      const v2 = await ask(t, 'POST', `/api/v1/report-drafts/${id}/versions`, as.drafter, {}, { 'If-Match': '"v4"' });
      assert.equal(v2.body.number, 2);
      const compared = await ask(t, 'GET', `/api/v1/report-drafts/${id}/compare?from=1&to=2`, as.drafter);
      assert.equal(compared.status, 200, compared.text);
      const dev = compared.body.sections.find((s: { id: string }) => s.id === 'developments');
      assert.equal(dev.changed, true);
      assert.ok(dev.diff.some((p: { kind: string; text: string }) => p.kind === 'removed' && p.text.includes('welcomes')));
      assert.equal(compared.body.sections.find((s: { id: string }) => s.id === 'introduction').changed, false);
      const current = await ask(t, 'GET', `/api/v1/report-drafts/${id}/compare?from=2&to=current`, as.drafter);
      assert.ok(current.body.sections.every((s: { changed: boolean }) => !s.changed));
      assert.equal((await ask(t, 'GET', `/api/v1/report-drafts/${id}/compare?from=x`, as.drafter)).status, 400);
      assert.equal((await ask(t, 'GET', `/api/v1/report-drafts/${id}/compare?from=9`, as.drafter)).status, 404);
      draft = await ask(t, 'GET', `/api/v1/report-drafts/${id}`, as.drafter);
      assert.deepEqual(
        draft.body.versions.map((v: { number: number; note: string | null }) => [v.number, v.note]),
        [
          [1, 'first'],
          [2, null],
        ],
      );
    });

    test('every write names the version read (If-Match): 428 without, 412 when stale; bad settings and texts a 400', async () => {
      const made = await ask(t, 'POST', '/api/v1/report-drafts', as.drafter, { name: 'Versions', session: 61, asOf: '2006-06-30' });
      const id = made.body.id as string;
      assert.equal((await ask(t, 'PATCH', `/api/v1/report-drafts/${id}`, as.drafter, { name: 'x' })).status, 428);
      assert.equal((await ask(t, 'PATCH', `/api/v1/report-drafts/${id}`, as.drafter, { name: 'x' }, { 'If-Match': '"v9"' })).status, 412);
      const patched = await ask(t, 'PATCH', `/api/v1/report-drafts/${id}`, as.drafter, { asOf: '2007-06-30', lang: 'es' }, { 'If-Match': '"v1"' });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.body.periodStart, '2006-07-01', 'a new date moves a default period with it');
      assert.equal(patched.body.lang, 'es');
      assert.equal(patched.headers.get('etag'), '"v2"');
      const bad = await ask(t, 'PATCH', `/api/v1/report-drafts/${id}`, as.drafter, { session: 0, regions: ['999'] }, { 'If-Match': '"v2"' });
      assert.equal(bad.status, 400);
      assert.deepEqual(
        bad.body.error.details.map((d: { field: string }) => d.field),
        ['session'],
      );
      const section = (await ask(t, 'GET', `/api/v1/report-drafts/${id}`, as.drafter)).body.sections[0];
      const stale = await ask(t, 'PUT', `/api/v1/report-drafts/${id}/sections/introduction`, as.drafter, { text: 'x', basedOn: section.fingerprint }, { 'If-Match': '"v1"' });
      assert.equal(stale.status, 412);
      const table = await ask(t, 'PUT', `/api/v1/report-drafts/${id}/sections/introduction`, as.drafter, { text: 'Words.\n\n[[table 9]]', basedOn: section.fingerprint }, { 'If-Match': '"v2"' });
      assert.equal(table.status, 400);
      assert.match(JSON.stringify(table.body.error), /table 9/);
      const marker = await ask(t, 'PUT', `/api/v1/report-drafts/${id}/sections/introduction`, as.drafter, { text: 'Words [[tabel 1]].', basedOn: section.fingerprint }, { 'If-Match': '"v2"' });
      assert.equal(marker.status, 400);
      assert.match(JSON.stringify(marker.body.error), /tabel 1/);
      assert.equal((await ask(t, 'PUT', `/api/v1/report-drafts/${id}/sections/annexes`, as.drafter, { text: 'x', basedOn: section.fingerprint }, { 'If-Match': '"v2"' })).status, 404);
      const chosen = await ask(t, 'PATCH', `/api/v1/report-drafts/${id}`, as.drafter, { periodStart: '2007-01-01' }, { 'If-Match': '"v2"' });
      assert.equal(chosen.body.periodStart, '2007-01-01');
      const later = await ask(t, 'PATCH', `/api/v1/report-drafts/${id}`, as.drafter, { asOf: '2007-12-31' }, { 'If-Match': '"v3"' });
      assert.equal(later.body.periodStart, '2007-01-01', 'a period the drafter chose stays as chosen');
      assert.equal((await ask(t, 'DELETE', `/api/v1/report-drafts/${id}`, as.drafter)).status, 428);
      assert.equal((await ask(t, 'DELETE', `/api/v1/report-drafts/${id}`, as.drafter, undefined, { 'If-Match': '"v4"' })).status, 200);
      assert.equal((await ask(t, 'GET', `/api/v1/report-drafts/${id}`, as.drafter)).status, 404);
    });

    test('a draft is read and written by its owner and administrators only; not in the change feed', async () => {
      const made = await ask(t, 'POST', '/api/v1/report-drafts', as.drafter, { name: 'Mine', session: 61, asOf: '2006-06-30' });
      const id = made.body.id as string;
      const path = `/api/v1/report-drafts/${id}`;
      assert.equal((await ask(t, 'GET', path, as.anonymous)).status, 401);
      assert.equal((await ask(t, 'GET', path, as.viewer)).status, 403);
      assert.equal((await ask(t, 'GET', path, as.otherDrafter)).status, 404, 'another drafter is not told the draft exists');
      assert.equal((await ask(t, 'GET', `${path}/document?format=html`, as.otherDrafter)).status, 404);
      assert.equal((await ask(t, 'GET', `${path}/versions/1`, as.otherDrafter)).status, 404);
      assert.equal((await ask(t, 'PATCH', path, as.otherDrafter, { name: 'theirs' }, { 'If-Match': '"v1"' })).status, 404);
      assert.equal((await ask(t, 'GET', path, as.admin)).status, 200);
      assert.equal((await ask(t, 'POST', '/api/v1/report-drafts', as.viewer, { name: 'No', session: 61, asOf: '2006-06-30' })).status, 403);
      assert.equal((await ask(t, 'POST', '/api/v1/report-drafts', as.anonymous, { name: 'No', session: 61, asOf: '2006-06-30' })).status, 401);
      const theirs = (await ask(t, 'GET', '/api/v1/report-drafts', as.otherDrafter)).body.items;
      assert.ok(!theirs.some((d: { id: string }) => d.id === id));
      assert.ok((await ask(t, 'GET', '/api/v1/report-drafts', as.drafter)).body.items.some((d: { id: string }) => d.id === id));
      assert.ok((await ask(t, 'GET', '/api/v1/report-drafts', as.admin)).body.items.some((d: { id: string }) => d.id === id));
      assert.equal((await ask(t, 'GET', '/api/v1/report-drafts/rd-nosuchdraft', as.admin)).status, 404);
      const feed = await ask(t, 'GET', '/api/v1/changes?limit=1000', as.admin);
      assert.equal(feed.status, 200, feed.text);
      assert.ok(!feed.text.includes('report-draft'), 'drafts are not in the change feed');
      const audit = await t.db.db.selectFrom('audit_record').select(['use_case']).where('entity_id', '=', id).execute();
      assert.deepEqual(
        audit.map((a) => a.use_case),
        ['report-drafts.create'],
      );
    });
  });
}
