// Resolutions imported from their text and the mandates they give (docs/RESOLUTIONS.md), on both
// databases, over HTTP: every shared text imports; the 2004 text keeps a local key and never a
// symbol; its mandates carry the addressee and the session they are due at, overdue or not at a
// date; a re-import keeps the mandates' status; a mandate moves only with the version read and
// with something answering it; bad input is named by field and stores nothing; families link a
// text to those it recalls and those that cite it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resolutionFiles } from '../../src/importers/resolutions/import.ts';
import { validateAkomaNtoso } from '../../src/modules/resolutions/akn/index.ts';
import { makeAccount, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { ask } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const skip = skipWithoutSharedData();
const FOLDER = sharedDataPath('resolutions');
const TEXT_2004 = 'GA-59-regional-arrangements-2004-12-20.txt';
const ID_2004 = 'local-ga-59-regional-arrangements-2004-12-20';
const upload = (file: string) => ({ fileName: basename(file), text: readFileSync(file, 'utf8'), lang: 'en' });

for (const dialect of testDialects()) {
  describe(`resolutions on ${dialect}`, { skip }, () => {
    let t: TestApp;
    const errors: string[] = [];
    let editor: Record<string, string>;
    let viewer: Record<string, string>;

    before(async () => {
      t = await seededApp(dialect, errors);
      editor = (await signIn(t.app, await makeAccount(t.db.db, 'resolutions-editor@example.org', ['ohchr-editor']))).write;
      viewer = (await signIn(t.app, await makeAccount(t.db.db, 'resolutions-viewer@example.org', ['viewer']))).write;
    });
    after(async () => {
      assert.deepEqual(errors, [], 'no server errors');
      await t.db.drop();
    });

    test('every shared text imports, each with what it says of itself', async () => {
      const files = resolutionFiles(FOLDER).filter((f) => !f.includes('/variants/'));
      assert.ok(files.length >= 44, `the shared texts (${files.length})`);
      for (const file of files) {
        const answer = await ask(t, 'POST', '/api/v1/resolutions', editor, upload(file));
        assert.equal(answer.status, 200, `${basename(file)}: ${answer.text}`);
        assert.equal(answer.body.status, 'created', basename(file));
        assert.ok(answer.body.preambular + answer.body.operative > 0, `${basename(file)} has paragraphs`);
      }
      const list = (await t.get('/api/v1/resolutions?limit=200')).body;
      assert.equal(list.total, files.length, 'one resolution per text: no two texts share a key');
      const r212 = (await t.get('/api/v1/resolutions/A-RES-80-212')).body;
      assert.deepEqual([r212.key, r212.symbol, r212.official, r212.session, r212.adoptedOn], ['A/RES/80/212', 'A/RES/80/212', true, 80, '2025-12-18']);
      assert.equal(r212.paragraphs.filter((p: any) => p.kind === 'preamble').length, 13);
      assert.equal(r212.paragraphs.filter((p: any) => p.kind === 'operative').length, 12);
      const sorted = (await t.get('/api/v1/resolutions?sort=key&limit=3')).body;
      assert.deepEqual(
        sorted.items.map((r: any) => r.key),
        ['A/RES/73/3', 'A/RES/73/6', 'A/RES/73/7'],
      );
      assert.ok(sorted.next, 'a next page');
      const found = (await t.get('/api/v1/resolutions?q=central%20africa')).body;
      assert.deepEqual(found.items.map((r: any) => r.key).sort(), ['A/RES/78/235', 'A/RES/80/212']);
    });

    test('the 2004 text keeps a local key, its paragraphs, footnotes and mandates with their due sessions', async () => {
      const r = (await t.get(`/api/v1/resolutions/${ID_2004}?asOf=2026-12-07`)).body;
      assert.equal(r.key, 'local:ga-59-regional-arrangements-2004-12-20');
      assert.equal(r.symbol, null, 'the text prints no symbol: none is made up');
      assert.equal(r.official, false);
      assert.equal(r.adoptedOn, '2004-12-20');
      assert.ok(!JSON.stringify(r).includes('59/183'));
      const op13 = r.paragraphs.find((p: any) => p.anchor === 'op13');
      assert.equal(op13.verb, 'Requests');
      assert.equal(op13.addressee, 'the Secretary-General');
      const pp2 = r.paragraphs.find((p: any) => p.anchor === 'pp2');
      assert.deepEqual(pp2.footnotes, ['1'], 'the marker glued to 1993 is footnote 1');
      assert.match(r.footnotes.find((f: any) => f.marker === '1').text, /E\/1993\/23/);
      assert.ok(r.citations.some((c: any) => c.kind === 'resolution' && c.ref === '32/127' && c.date === '16 December 1977'));
      assert.ok(r.citations.some((c: any) => c.kind === 'document' && c.ref === 'A/CONF.157/24 (Part I)'));

      const mandates = Object.fromEntries(r.mandates.map((m: any) => [m.anchor, m]));
      assert.deepEqual(Object.keys(mandates), ['op9', 'op10', 'op11', 'op12', 'op13', 'op14']);
      assert.deepEqual(mandates.op13.due, { body: 'General Assembly', session: 61, date: null, endsBy: '2007-09-30' });
      assert.equal(mandates.op13.overdue, true, 'nothing answers it in this database, long after the sixty-first session');
      assert.deepEqual(mandates.op12.due, { body: 'Commission on Human Rights', session: 61, date: null, endsBy: '2005-12-31' }, 'the report goes to the Commission at its sixty-first session');
      assert.equal(mandates.op14.addressee, 'the General Assembly', 'a decision about its own work');
      assert.equal(mandates.op9.overdue, null, 'no deadline: overdue cannot be told');
      assert.ok(mandates.op10.answeredBy.length > 0, 'the shipped projects and events linking to OP10 answer it');

      const then = (await t.get(`/api/v1/mandates/${ID_2004}.op13?asOf=2006-06-30`)).body;
      assert.equal(then.overdue, false, 'not yet due on 30 June 2006');
      const calendar = (await t.get(`/api/v1/mandate-calendar?asOf=2006-06-30&resolution=${ID_2004}`)).body;
      assert.deepEqual(
        calendar.groups.map((g: any) => [g.body, g.session, g.overdue]),
        [
          ['Commission on Human Rights', 61, 1],
          ['General Assembly', 61, 0],
          [null, null, 0],
        ],
      );
      const overdue = (await t.get('/api/v1/mandates?overdue=true&asOf=2026-12-07&addressee=secretary-general&limit=500')).body;
      assert.ok(overdue.items.some((m: any) => m.id === `${ID_2004}.op13`));
      assert.ok(overdue.items.every((m: any) => m.overdue === true && /Secretary-General/.test(m.addressee)));
    });

    test('a mandate moves with the version read, and is answered only by something', async () => {
      const path = `/api/v1/mandates/${ID_2004}.op13`;
      const m = (await t.get(path)).body;
      assert.equal((await ask(t, 'PATCH', path, editor, { status: 'in-progress' })).status, 428, 'If-Match is required');
      assert.equal((await ask(t, 'PATCH', path, viewer, { status: 'in-progress' }, { 'If-Match': `"v${m.version}"` })).status, 403);
      const answered = await ask(t, 'PATCH', path, editor, { status: 'answered' }, { 'If-Match': `"v${m.version}"` });
      assert.equal(answered.status, 400);
      assert.equal(answered.body.error.details[0].field, 'status');
      const badRef = await ask(t, 'PATCH', path, editor, { answers: [{ kind: 'instrument', ref: 'NO-SUCH' }] }, { 'If-Match': `"v${m.version}"` });
      assert.equal(badRef.body.error.details[0].field, 'answers.0.ref');
      const ok = await ask(
        t,
        'PATCH',
        path,
        editor,
        { status: 'answered', statusDate: '2006-08', answers: [{ kind: 'document', ref: 'https://documents.un.org/test-report', note: 'a report of the test' }] },
        { 'If-Match': `"v${m.version}"` },
      );
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual(ok.body.changed.sort(), ['answers', 'status', 'statusDate']);
      const stale = await ask(t, 'PATCH', path, editor, { status: 'open' }, { 'If-Match': `"v${m.version}"` });
      assert.equal(stale.status, 412);
      const now = (await t.get(`${path}?asOf=2026-12-07`)).body;
      assert.equal(now.status, 'answered');
      assert.equal(now.overdue, false, 'answered is never overdue');
      const audit = await t.db.db.selectFrom('audit_record').select(['use_case', 'entity_id']).where('entity_kind', '=', 'mandate').execute();
      assert.deepEqual(audit, [{ use_case: 'mandates.update', entity_id: `${ID_2004}.op13` }]);

      const again = await ask(t, 'POST', '/api/v1/resolutions', editor, upload(sharedDataPath('resolutions', TEXT_2004)));
      assert.equal(again.body.status, 'unchanged', 'the same text again changes nothing');
      const variant = await ask(t, 'POST', '/api/v1/resolutions', editor, {
        ...upload(sharedDataPath('resolutions', TEXT_2004)),
        text: `${readFileSync(sharedDataPath('resolutions', TEXT_2004), 'utf8')}\n`,
      });
      assert.equal(variant.body.status, 'replaced');
      assert.equal((await t.get(path)).body.status, 'answered', 'a re-import keeps what an editor said of a mandate');
    });

    test('a long text is taken whole; a body over the limit is refused unread', async () => {
      const paragraphs = Array.from({ length: 900 }, (_, i) => `${i + 1}.\nRequests the Secretary-General to report on item ${i + 1} of this synthetic test text at its eighty-first session;`);
      const text = `The General Assembly,\n\nRecalling its earlier work,\n\n${paragraphs.join('\n\n')}\n`;
      assert.ok(text.length > 90_000, 'more than the 64 KB other writes may send');
      const long = await ask(t, 'POST', '/api/v1/resolutions', editor, { fileName: 'synthetic-long-test.txt', text });
      assert.equal(long.status, 200, long.text.slice(0, 300));
      assert.deepEqual([long.body.operative, long.body.mandates], [900, 900]);
      const huge = await ask(t, 'POST', '/api/v1/resolutions', editor, { fileName: 'huge.txt', text: 'x'.repeat(9 * 1024 * 1024) });
      assert.equal(huge.status, 413);
      const tooLong = await ask(t, 'POST', '/api/v1/resolutions', editor, { fileName: 'too-long.txt', text: 'y'.repeat(2 * 1024 * 1024 + 1) });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body.error.details[0].field, 'text');
    });

    test('bad input is named by field and stores nothing', async () => {
      const before = (await t.get('/api/v1/resolutions?limit=1')).body.total;
      const cases: [unknown, string][] = [
        [{ fileName: 'x.txt', text: '' }, 'text'],
        [{ fileName: 'x.txt', text: '%PDF-1.7\u0000\u0001' }, 'text'],
        [{ fileName: '../etc/passwd', text: 'The General Assembly,\n1. Requests the Secretary-General;' }, 'fileName'],
        [{ fileName: 'notes.txt', text: 'Shopping list: milk, eggs, <script>alert(1)</script>' }, 'text'],
        [{ fileName: 'x.txt', text: 'x', lang: 'de' }, 'lang'],
        [{ fileName: 'x.txt', text: 'x', extra: 1 }, ''],
      ];
      for (const [body, field] of cases) {
        const answer = await ask(t, 'POST', '/api/v1/resolutions', editor, body);
        assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 60));
        if (field)
          assert.ok(
            answer.body.error.details.some((d: any) => d.field === field || d.parameter === field),
            `${field}: ${answer.text}`,
          );
      }
      assert.equal((await ask(t, 'POST', '/api/v1/resolutions', viewer, upload(sharedDataPath('resolutions', TEXT_2004)))).status, 403);
      assert.equal((await ask(t, 'POST', '/api/v1/resolutions', { 'Content-Type': 'application/json' }, upload(sharedDataPath('resolutions', TEXT_2004)))).status, 401);
      assert.equal((await t.get('/api/v1/resolutions?limit=1')).body.total, before);
      assert.equal((await t.get('/api/v1/resolutions/no-such')).status, 404);
      assert.equal((await t.get('/api/v1/mandates/no-such')).status, 404);
      assert.equal((await t.get('/api/v1/mandates?overdue=maybe')).status, 400);
      assert.equal((await t.get('/api/v1/mandates?asOf=2026-02-30')).status, 400);
    });

    test('every resolution downloads as Akoma Ntoso that the shared schema validates', async () => {
      const list = (await t.get('/api/v1/resolutions?limit=1000')).body;
      const documents: string[] = [];
      for (const r of list.items) {
        const response = await t.app.request(`/api/v1/resolutions/${r.id}/akn`);
        assert.equal(response.status, 200, r.id);
        assert.match(response.headers.get('content-disposition') ?? '', new RegExp(`${r.id}\\.akn\\.xml`));
        documents.push(await response.text());
      }
      const findings = await validateAkomaNtoso(documents);
      const invalid = findings.flatMap((f, i) => (f.length ? [`${list.items[i].id}: ${f[0]?.message}`] : []));
      assert.deepEqual(invalid, [], 'every export validates');
      const local = documents[list.items.findIndex((r: any) => r.id === ID_2004)] as string;
      assert.match(local, /unofficial-local-identifier/);
      assert.doesNotMatch(local, /A\/RES\/59/, 'no symbol is made up for the 2004 text');
      assert.equal((await t.get('/api/v1/resolutions/no-such/akn')).status, 404);
    });

    test('two texts of a family compare paragraph by paragraph, word by word', async () => {
      const answer = (await t.get('/api/v1/resolutions/A-RES-80-212/compare?with=A-RES-78-235')).body;
      assert.equal(answer.earlier.key, 'A/RES/78/235', 'the earlier adopted comes first whichever is asked');
      const op11 = answer.pairs.find((p: any) => p.later === 'op11');
      assert.equal(op11.earlier, 'op11');
      assert.equal(op11.change, 'changed');
      assert.ok(op11.parts.some((d: any) => d.kind === 'removed' && d.text.includes('Requests')));
      assert.ok(op11.parts.some((d: any) => d.kind === 'added' && d.text.includes('Encourages')));
      const op12 = answer.pairs.find((p: any) => p.later === 'op12');
      assert.deepEqual(
        op12.parts.filter((d: any) => d.kind !== 'same').map((d: any) => [d.kind, d.text.trim()]),
        [
          ['removed', 'eightieth'],
          ['added', 'eighty-third'],
        ],
      );
      const op1 = answer.pairs.find((p: any) => p.later === 'op1');
      assert.equal(op1.change, 'unchanged');
      const byDefault = (await t.get('/api/v1/resolutions/A-RES-80-212/compare')).body;
      assert.equal(byDefault.earlier.key, 'A/RES/78/235', 'by default, the latest earlier text it recalls');
      const none = await t.get(`/api/v1/resolutions/${ID_2004}/compare`);
      assert.equal(none.status, 400, 'nothing earlier of its family is stored');
      assert.equal(none.body.error.details[0].parameter, 'with');
      assert.equal((await t.get('/api/v1/resolutions/A-RES-80-212/compare?with=no-such')).status, 404);
    });

    test('families: a text links to those it recalls and to the later ones that cite it', async () => {
      const r212 = (await t.get('/api/v1/resolutions/A-RES-80-212')).body;
      const recalled = r212.family.recalls.find((c: any) => c.ref === '78/235');
      assert.equal(recalled.stored.key, 'A/RES/78/235');
      assert.ok(
        r212.family.recalls.some((c: any) => c.ref === '59/183' && c.stored === null),
        'cited, not stored',
      );
      const r235 = (await t.get('/api/v1/resolutions/A-RES-78-235')).body;
      assert.deepEqual(
        r235.family.later.map((r: any) => r.key),
        ['A/RES/80/212'],
      );
      const r2004 = (await t.get(`/api/v1/resolutions/${ID_2004}`)).body;
      const chr = r2004.family.recalls.find((c: any) => c.ref === '1993/51');
      assert.equal(chr.body, 'Commission on Human Rights');
      assert.equal(chr.stored, null);
    });
  });
}
