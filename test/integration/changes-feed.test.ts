// The change feed on both databases: entries come from the write path, oldest first after a
// stable cursor (new writes never shift a page), filtered by kind and facets; restricted records
// are absent for anonymous readers and present for those they are meant for, at the time of the
// change and now; re-imports are one entry with their differences; Atom and JSON Feed views.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validateXML } from 'xmllint-wasm';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { importDatasetsUseCase } from '../../src/modules/datasets/write.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { EVENT_SOURCE, newEventBody } from '../support/event-requests.ts';

/** What RFC 4287 requires of a feed and its entries (a subset, as Relax NG): parsed by libxml2. */
const ATOM_RNG = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.w3.org/2005/Atom">
  <start><element name="feed"><interleave>
    <element name="id"><text/></element>
    <element name="title"><text/></element>
    <element name="updated"><text/></element>
    <zeroOrMore><element name="author"><element name="name"><text/></element></element></zeroOrMore>
    <zeroOrMore><ref name="link"/></zeroOrMore>
    <zeroOrMore><element name="entry"><interleave>
      <element name="id"><text/></element>
      <element name="title"><text/></element>
      <element name="updated"><text/></element>
      <element name="summary"><attribute name="type"/><text/></element>
      <oneOrMore><ref name="link"/></oneOrMore>
      <zeroOrMore><element name="category"><attribute name="term"/><attribute name="scheme"/></element></zeroOrMore>
    </interleave></element></zeroOrMore>
  </interleave></element></start>
  <define name="link"><element name="link"><attribute name="href"/><optional><attribute name="rel"/></optional><optional><attribute name="type"/></optional><empty/></element></define>
</grammar>`;

const ids = (page: any): string[] => page.items.map((i: any) => `${i.kind}:${i.recordId}:${i.action}`);

for (const dialect of testDialects()) {
  describe(`change feed on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    let start = '0';
    const admin = () => as.headers.admin;
    const post = async (path: string, body: unknown) => {
      const answer = await ask(t, 'POST', path, admin(), body);
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    };
    const patch = async (path: string, body: unknown, version: number) => {
      const answer = await ask(t, 'PATCH', path, admin(), body, { 'If-Match': `"v${version}"` });
      assert.equal(answer.status, 200, answer.text);
    };
    const feed = async (query: string, who: keyof Askers['headers'] = 'anonymous') => {
      const answer = await ask(t, 'GET', `/api/v1/changes?since=${start}&${query}`, as.headers[who]);
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    };

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'changes');
      start = (await ask(t, 'GET', '/api/v1/changes?order=newest&limit=1', admin())).body.next ?? '0';
      await post('/api/v1/events', newEventBody('feed-public'));
      await post('/api/v1/events', { ...newEventBody('feed-secret'), title: 'A <secret> & restricted meeting', confidentiality: 'restricted', audience: ['organization:au'] });
      await post('/api/v1/events', { ...newEventBody('feed-later'), title: 'Restricted at first', confidentiality: 'restricted', audience: ['organization:au'] });
      await patch('/api/v1/events/feed-later', { title: 'Made public later', confidentiality: 'public', source: EVENT_SOURCE }, 1);
      await post('/api/v1/events', { ...newEventBody('feed-hidden'), country: 'FRA', city: 'Strasbourg', title: 'Public at first' });
      await patch('/api/v1/events/feed-hidden', { confidentiality: 'internal', source: EVENT_SOURCE }, 1);
    });
    after(async () => {
      await t.db.drop();
    });

    test('anonymous readers see the changes of records public then and now, oldest first', async () => {
      const page = await feed('kind=event');
      assert.deepEqual(ids(page), ['event:feed-public:created', 'event:feed-later:updated']);
      const [first] = page.items;
      assert.equal(first.record.title, 'National training course on treaty reporting');
      assert.equal(first.links.record, '/api/v1/events/feed-public');
      assert.deepEqual(first.facets.state, ['KEN']);
      assert.ok(first.facets.region.includes('002'), 'Kenya is in Africa (M49 002)');
      assert.equal(first.record.created_by, undefined, 'no account id in a payload');
      assert.doesNotMatch(JSON.stringify(page), /secret|Restricted at first/, 'nothing of a record while it was restricted');
      assert.equal(page.next, page.items.at(-1).id);
    });

    test('those a restricted record is meant for see it; OHCHR and administrators see all', async () => {
      // An AU editor sees internal records (feed-hidden) and the restricted ones meant for the AU.
      const au = await feed('kind=event', 'ownEditor');
      assert.deepEqual(ids(au), [
        'event:feed-public:created',
        'event:feed-secret:created',
        'event:feed-later:created',
        'event:feed-later:updated',
        'event:feed-hidden:created',
        'event:feed-hidden:updated',
      ]);
      const coe = await feed('kind=event', 'otherEditor');
      assert.ok(!ids(coe).includes('event:feed-secret:created'));
      const all = await feed('kind=event', 'admin');
      assert.equal(all.items.length, 6);
      assert.equal((await feed('kind=event', 'anonymous')).items.length, 2);
    });

    test('the cursor is stable: a page read again after new writes is the same page, and the next one follows', async () => {
      const first = await feed('kind=event&limit=1');
      await post('/api/v1/events', { ...newEventBody('feed-newer'), title: 'Entered after the first page' });
      const again = await feed('kind=event&limit=1');
      assert.deepEqual(again.items, first.items);
      assert.equal(again.more, true);
      const second = (await ask(t, 'GET', `/api/v1/changes?kind=event&limit=10&since=${first.next}`, {})).body;
      assert.deepEqual(ids(second), ['event:feed-later:updated', 'event:feed-newer:created']);
      const end = (await ask(t, 'GET', `/api/v1/changes?kind=event&since=${second.next}`, {})).body;
      assert.deepEqual(end.items, []);
      assert.equal(end.next, second.next, 'an empty page keeps the cursor');
      assert.equal(end.more, false);
    });

    test('filters by State, region and kind; bad filters are a 400 naming the field', async () => {
      assert.deepEqual(ids(await feed('state=FRA', 'admin')), ['event:feed-hidden:created', 'event:feed-hidden:updated']);
      assert.ok(ids(await feed('region=002')).every((id) => !id.includes('feed-hidden')));
      assert.deepEqual(ids(await feed('state=FRA')), [], 'a record made internal hides its earlier public changes');
      for (const [query, field] of [
        ['state=fr', 'state'],
        ['kind=user', 'kind'],
        ['since=abc', 'since'],
        ['limit=0', 'limit'],
        ['region=Africa', 'region'],
        ['order=newest&since=3', 'since'],
      ]) {
        const answer = await ask(t, 'GET', `/api/v1/changes?${query}`, {});
        assert.equal(answer.status, 400, query);
        assert.equal(answer.body.error.details[0].parameter, field, query);
      }
    });

    test('newest first with before', async () => {
      const page = (await ask(t, 'GET', '/api/v1/changes?kind=event&order=newest&limit=2', {})).body;
      assert.deepEqual(ids(page), ['event:feed-newer:created', 'event:feed-later:updated']);
      const next = (await ask(t, 'GET', `/api/v1/changes?kind=event&before=${page.next}`, {})).body;
      assert.equal(ids(next)[0], 'event:feed-public:created');
    });

    test('a re-import is one entry counting what it added, changed and removed, with its differences', async () => {
      const source = { id: 'feed-test-source', title: 'Fictional test source', url: 'https://example.org/feed', kind: 'secondary', retrieved: '2026-01-01', asOf: null } as never;
      const dataset = (id: string, hash: string) => ({ dataset: { id, kind: 'test', label: id, contentHash: hash, source, asOf: null, accepted: 0, rejected: 0 }, facts: [] });
      await runUseCase(t.db.db, importDatasetsUseCase, { label: 'feed test', items: [dataset('feed:a', 'h1'), dataset('feed:b', 'h1')] }, systemContext('test'));
      await runUseCase(t.db.db, importDatasetsUseCase, { label: 'feed test', items: [dataset('feed:a', 'h1'), dataset('feed:c', 'h1')], remove: ['feed:b'] }, systemContext('test'));
      const page = await feed('kind=dataset');
      assert.equal(page.items.length, 2);
      const last = page.items[1];
      assert.equal(last.action, 'imported');
      assert.match(last.summary, /1 dataset\(s\) added, 0 changed, 1 removed, 1 unchanged/);
      const differences = (await ask(t, 'GET', last.links.differences, {})).body.record;
      assert.deepEqual(
        differences.datasets.map((d: any) => [d.id, d.change]),
        [
          ['feed:a', 'unchanged'],
          ['feed:c', 'added'],
          ['feed:b', 'removed'],
        ],
      );
    });

    test('Atom and JSON Feed give the same entries, escaped', async () => {
      const atom = await ask(t, 'GET', '/api/v1/changes.atom?kind=event', as.headers.ownEditor);
      assert.equal(atom.status, 200);
      assert.match(atom.headers.get('content-type') ?? '', /application\/atom\+xml/);
      assert.match(atom.text, /A &lt;secret&gt; &amp; restricted meeting/);
      const checked = await validateXML({ xml: [{ fileName: 'changes.atom', contents: atom.text }], schema: [ATOM_RNG], extension: 'relaxng' });
      assert.deepEqual(
        checked.errors.map((e) => e.message),
        [],
        'well-formed, with the elements Atom requires',
      );
      const same = (await ask(t, 'GET', '/api/v1/changes?kind=event&limit=1000', as.headers.ownEditor)).body.items.length;
      assert.equal((atom.text.match(/<entry>/g) ?? []).length, same, 'the entries the same asker reads from the API');
      const json = await ask(t, 'GET', '/api/v1/changes.json?kind=event', {});
      assert.equal(json.body.version, 'https://jsonfeed.org/version/1.1');
      assert.deepEqual(
        json.body.items.map((i: any) => i.id),
        ['event:feed-newer:created', 'event:feed-later:updated', 'event:feed-public:created'].map((k) => json.body.items.find((i: any) => `event:${i._accord.recordId}:${i._accord.action}` === k)?.id),
      );
      assert.equal(errors.length, 0, errors.join('\n'));
    });
  });
}
