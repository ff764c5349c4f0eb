// The follow-up of recommendations on each database: statuses over time in the order they hold,
// who may write (State editors for their State, OHCHR; never an organization's editor), clear
// refusals of bad bodies, confidentiality of every level for every asker (the follow-up itself,
// the search's followUp facet and filter, exports), bulk assignment as one audited write listing
// every id, refused whole when some recommendations are out of the writer's reach, and a
// re-import of the dataset that keeps the follow-up (it is keyed by the recommendations' ids).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importUprInfo } from '../../src/importers/upr-info/import.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, ASKERS, type Asker, type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { makeAccount, signIn } from '../support/accounts.ts';

/** A UPR Info export written for this test: three recommendations to Kenya, two to France. */
const ROWS = [
  'Kenya,Ratify the Optional Protocol to the Convention against Torture (follow-up test 1),France,Accepted,8',
  'Kenya,Adopt a national action plan on human rights (follow-up test 2),Brazil,Accepted,8',
  'Kenya,Abolish the death penalty (follow-up test 3),Spain,Noted,8',
  'France,Strengthen the fight against racial discrimination (follow-up test 4),Kenya,Accepted,8',
  'France,Ratify the Migrant Workers Convention (follow-up test 5),Brazil,Noted,8',
];
const HEADER = 'To,Text,From,Response,Session';

function csvFile(rows: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'accord-follow-up-')), 'upr-follow-up.csv');
  writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`);
  return path;
}

for (const dialect of testDialects()) {
  describe(`follow-up of recommendations on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    const headers: Record<string, Record<string, string>> = {};
    let ken: string[] = [];
    let fra: string[] = [];

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'follow-up');
      Object.assign(headers, as.headers);
      headers.coeEditor = headers.otherEditor!; // organization-editor:coe
      headers.fraEditor = (await signIn(t.app, await makeAccount(t.db.db, 'follow-up-fra@example.org', ['state-editor:FRA']))).write;
      const report = await importUprInfo(t.db.db, csvFile(ROWS), { context: systemContext('test') });
      assert.equal(report.files[0]?.stored, 5, JSON.stringify(report));
      const ids = async (state: string) => ((await t.get(`/api/v1/recommendations?state=${state}&sort=oldest`)).body.items as { id: string }[]).map((i) => i.id).sort();
      ken = await ids('KEN');
      fra = await ids('FRA');
      assert.equal(ken.length, 3);
      assert.equal(fra.length, 2);
    });
    after(async () => {
      await t.db.drop();
    });

    const post = (who: string, id: string, part: string, body: unknown) => ask(t, 'POST', `/api/v1/recommendations/${id}/follow-up/${part}`, headers[who]!, body);
    const followUp = async (who: string, id: string) => {
      const answer = await ask(t, 'GET', `/api/v1/recommendations/${id}/follow-up`, headers[who]!);
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    };
    const ok = (answer: Answer) => assert.equal(answer.status, 200, answer.text);
    const auditCount = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('audit_record')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('statuses are listed latest first: by the date each holds from, then as recorded', async () => {
      const id = ken[0]!;
      ok(await post('admin', id, 'statuses', { status: 'in-progress', holdsFrom: '2020-05', note: 'A bill is before Parliament' }));
      ok(await post('admin', id, 'statuses', { status: 'not-started', holdsFrom: '2019' }));
      ok(await post('stateEditor', id, 'statuses', { status: 'partially-implemented', holdsFrom: '2021-03-02' }));
      ok(await post('stateEditor', id, 'statuses', { status: 'implemented', holdsFrom: '2021-03-02' }));
      const seen = await followUp('viewer', id);
      assert.deepEqual(
        seen.statuses.map((s: { status: string; holdsFrom: string }) => `${s.status} ${s.holdsFrom}`),
        ['implemented 2021-03-02', 'partially-implemented 2021-03-02', 'in-progress 2020-05', 'not-started 2019'],
      );
      assert.equal(seen.status.status, 'implemented');
      assert.equal(seen.statuses[2].note, 'A bill is before Parliament');
      assert.equal(seen.statuses[0].recordedBy, `user:${as.accounts.stateEditor.id}`);
      assert.equal((await followUp('anonymous', id)).statuses[0].recordedBy, null, 'the public sees when, not who');
      assert.equal(seen.canWrite, false);
      assert.equal((await followUp('stateEditor', id)).canWrite, true);
      assert.equal((await followUp('stateEditor', fra[0]!)).canWrite, false);
    });

    test('an entity, an action with its evidence and a project link are recorded and shown', async () => {
      const id = ken[1]!;
      ok(await post('stateEditor', id, 'entities', { name: 'Office of the Attorney General', state: 'KEN' }));
      ok(await post('stateEditor', id, 'actions', { date: '2022-11', description: 'National action plan adopted', evidenceUrl: 'A/HRC/WG.6/35/KEN/1', evidenceText: 'Cabinet decision' }));
      ok(await post('admin', id, 'projects', { title: 'Support to the national human rights action plan', url: 'https://example.org/projects/ken-nap', projectId: 'XM-EXAMPLE-1' }));
      const seen = await followUp('anonymous', id);
      assert.equal(seen.entity.name, 'Office of the Attorney General');
      assert.equal(seen.actions[0].evidenceUrl, 'A/HRC/WG.6/35/KEN/1');
      assert.equal(seen.projects[0].projectId, 'XM-EXAMPLE-1');
      assert.equal(seen.status, null, 'no status recorded: null, not "not started"');
    });

    test('who may write: OHCHR everywhere, a State editor for their State, no one else', async () => {
      const body = { status: 'in-progress', holdsFrom: '2023' };
      const expected: Record<Asker, number> = { anonymous: 401, viewer: 403, otherEditor: 403, ownEditor: 403, stateEditor: 200, admin: 200 };
      const before = await auditCount();
      for (const who of ASKERS) assert.equal((await post(who, ken[2]!, 'statuses', body)).status, expected[who], `${who} on a recommendation to Kenya`);
      assert.equal((await post('stateEditor', fra[0]!, 'statuses', body)).status, 403, "Kenya's editor on one to France");
      assert.equal((await post('fraEditor', fra[0]!, 'statuses', body)).status, 200);
      assert.equal((await post('admin', 'upr-none', 'statuses', body)).status, 404);
      assert.equal(await auditCount(), before + 3, 'one audit record per write, none for a refusal');
    });

    test('a bad body is a 400 naming the field and why, and stores nothing', async () => {
      const cases: [string, unknown, string][] = [
        ['statuses', { status: 'done', holdsFrom: '2020' }, 'status'],
        ['statuses', { status: 'implemented', holdsFrom: '2020-13' }, 'holdsFrom'],
        ['statuses', { status: 'implemented', holdsFrom: '2999' }, 'holdsFrom'],
        ['statuses', { status: 'implemented', holdsFrom: '2020', confidentiality: 'restricted' }, 'audience'],
        ['statuses', { status: 'implemented', holdsFrom: '2020', confidentiality: 'restricted', audience: ['state:XXX'] }, 'audience.0'],
        ['actions', { date: '2020', description: 'x', evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl'],
        ['projects', { title: 'x', url: 'ftp://example.org/p' }, 'url'],
        ['entities', { name: 'Ministry of Justice', state: 'FRA' }, 'state'],
      ];
      const before = await followUp('admin', ken[2]!);
      for (const [part, body, field] of cases) {
        const answer = await post('admin', ken[2]!, part, body);
        assert.equal(answer.status, 400, `${part} ${JSON.stringify(body)}: ${answer.text}`);
        assert.ok(
          answer.body.error.details.some((d: { field?: string }) => d.field === field),
          `${field} named: ${answer.text}`,
        );
      }
      assert.deepEqual(await followUp('admin', ken[2]!), before);
    });

    test('confidential follow-up reaches only those entitled: the follow-up, the facet, the filter and the export', async () => {
      const id = fra[1]!;
      ok(await post('admin', id, 'statuses', { status: 'not-started', holdsFrom: '2018', note: 'PUBLIC-NOTE' }));
      ok(await post('admin', id, 'statuses', { status: 'in-progress', holdsFrom: '2019', note: 'INTERNAL-NOTE', confidentiality: 'internal' }));
      ok(await post('admin', id, 'statuses', { status: 'partially-implemented', holdsFrom: '2020', note: 'COE-NOTE', confidentiality: 'restricted', audience: ['organization:coe'] }));
      ok(await post('fraEditor', id, 'statuses', { status: 'implemented', holdsFrom: '2021', note: 'FRA-NOTE', confidentiality: 'restricted', audience: ['state:FRA'] }));
      ok(await post('admin', id, 'actions', { date: '2021', description: 'FRA-ACTION', confidentiality: 'restricted', audience: ['state:FRA'] }));
      // Who sees which: the latest status each may see.
      const latest: Record<string, string> = {
        anonymous: 'not-started',
        viewer: 'in-progress',
        ownEditor: 'in-progress',
        stateEditor: 'in-progress',
        otherEditor: 'partially-implemented',
        fraEditor: 'implemented',
        admin: 'implemented',
      };
      const notes: Record<string, string[]> = {
        anonymous: ['PUBLIC-NOTE'],
        viewer: ['INTERNAL-NOTE', 'PUBLIC-NOTE'],
        ownEditor: ['INTERNAL-NOTE', 'PUBLIC-NOTE'],
        stateEditor: ['INTERNAL-NOTE', 'PUBLIC-NOTE'],
        otherEditor: ['COE-NOTE', 'INTERNAL-NOTE', 'PUBLIC-NOTE'],
        fraEditor: ['FRA-NOTE', 'INTERNAL-NOTE', 'PUBLIC-NOTE'],
        admin: ['FRA-NOTE', 'COE-NOTE', 'INTERNAL-NOTE', 'PUBLIC-NOTE'],
      };
      const hidden = ['PUBLIC-NOTE', 'INTERNAL-NOTE', 'COE-NOTE', 'FRA-NOTE', 'FRA-ACTION'];
      // The entitled ask first, so that an answer cached for them would reach the others if the cache mixed them up.
      for (const who of ['admin', 'fraEditor', 'otherEditor', 'stateEditor', 'ownEditor', 'viewer', 'anonymous']) {
        const seen = await followUp(who, id);
        assert.equal(seen.status.status, latest[who], who);
        assert.deepEqual(
          seen.statuses.map((s: { note: string }) => s.note),
          notes[who],
          who,
        );
        assert.equal(seen.actions.length, ['admin', 'fraEditor'].includes(who) ? 1 : 0, who);
        const search = await ask(t, 'GET', `/api/v1/recommendations?state=FRA`, headers[who]!);
        const facet = Object.fromEntries(search.body.facets.followUp.map((f: { value: string; count: number }) => [f.value, f.count]));
        // The other recommendation to France is in progress, as France's editor recorded above.
        assert.equal(facet[latest[who]!], latest[who] === 'in-progress' ? 2 : 1, `${who}: ${search.text.slice(0, 300)}`);
        for (const status of ['not-started', 'in-progress', 'partially-implemented', 'implemented']) {
          const filtered = await ask(t, 'GET', `/api/v1/recommendations?state=FRA&followUp=${status}&facets=false`, headers[who]!);
          const expected = (status === latest[who] ? 1 : 0) + (status === 'in-progress' ? 1 : 0);
          assert.equal(filtered.body.total, expected, `${who} followUp=${status}`);
        }
        const exported = await ask(t, 'GET', `/api/v1/recommendations/export/jsonl?state=FRA&followUp=${latest[who]}`, headers[who]!);
        assert.equal(exported.text.trim().split('\n').length, latest[who] === 'in-progress' ? 2 : 1, `${who} export`);
        const visible = new Set([...notes[who]!, ...(['admin', 'fraEditor'].includes(who) ? ['FRA-ACTION'] : [])]);
        for (const marker of hidden.filter((m) => !visible.has(m))) {
          assert.ok(!JSON.stringify(seen).includes(marker), `${who} must not see ${marker}`);
          assert.ok(!search.text.includes(marker) && !exported.text.includes(marker), `${who} must not see ${marker} in search or export`);
        }
      }
    });

    test('"no follow-up recorded" is a facet value of its own, never counted as not started', async () => {
      const search = await ask(t, 'GET', '/api/v1/recommendations?state=KEN', headers.anonymous!);
      const facet = Object.fromEntries(search.body.facets.followUp.map((f: { value: string; count: number; label: string }) => [f.value, f]));
      assert.equal(facet.none.count, 1, search.text.slice(0, 400));
      assert.equal(facet.none.label, 'No follow-up recorded');
      assert.equal(facet['not-started'], undefined);
      const none = await ask(t, 'GET', '/api/v1/recommendations?state=KEN&followUp=none&facets=false', headers.anonymous!);
      assert.deepEqual(
        none.body.items.map((i: { id: string }) => i.id),
        [ken[1]],
      );
    });

    test('bulk assignment: a count first, refused whole when some are out of reach, else one write audited with every id', async () => {
      const assign = (who: string, body: unknown) => ask(t, 'POST', '/api/v1/follow-up/assignments', headers[who]!, body);
      const status = { status: 'in-progress', holdsFrom: '2024-02', note: 'BULK-NOTE' };
      const preview = await assign('stateEditor', { filter: { state: 'KEN,FRA' }, status, dryRun: true });
      ok(preview);
      assert.deepEqual(preview.body, { matched: 5, applied: 0, dryRun: true, outOfScope: { count: 2, example: fra[0], states: ['FRA'] } });
      const before = await auditCount();
      const refused = await assign('stateEditor', { filter: { state: 'KEN,FRA' }, status });
      assert.equal(refused.status, 403, refused.text);
      assert.match(refused.body.error.message, /2 of the 5 recommendations/);
      assert.ok(refused.body.error.message.includes(fra[0]!), 'names an example');
      assert.equal(await auditCount(), before, 'nothing recorded');
      for (const id of [...ken, ...fra]) assert.ok(!JSON.stringify(await followUp('admin', id)).includes('BULK-NOTE'), 'nothing written');
      for (const who of ['anonymous', 'viewer', 'ownEditor'] as const)
        assert.equal((await assign(who, { filter: { state: 'KEN' }, status, dryRun: true })).status, who === 'anonymous' ? 401 : 403, who);
      assert.equal((await assign('stateEditor', { filter: { state: 'KEN' } })).status, 400, 'nothing to assign');
      assert.equal((await assign('stateEditor', { filter: { state: 'KE' }, status })).status, 400, 'a bad filter');
      assert.equal((await assign('stateEditor', { filter: { state: 'KEN', q: 'nothing-matches-this' }, status })).status, 400, 'nothing matches');

      const applied = await assign('stateEditor', { filter: { state: 'KEN' }, status, entity: { name: 'Ministry of Justice', state: 'KEN' }, confidentiality: 'internal' });
      ok(applied);
      assert.deepEqual(applied.body, { matched: 3, applied: 3, dryRun: false, outOfScope: null });
      const records = await t.db.db.selectFrom('audit_record').selectAll().where('id', '>', before).execute();
      assert.equal(records.length, 1, 'one audit record');
      assert.equal(records[0]!.use_case, 'follow-up.bulk');
      assert.equal(records[0]!.actor, `user:${as.accounts.stateEditor.id}`);
      assert.deepEqual(JSON.parse(records[0]!.after!).recommendations, ken);
      for (const id of ken) {
        const seen = await followUp('viewer', id);
        assert.ok(
          seen.statuses.some((s: { note: string }) => s.note === 'BULK-NOTE'),
          id,
        );
        assert.equal(seen.entity.name, 'Ministry of Justice');
        assert.equal((await followUp('anonymous', id)).entity?.name ?? null, id === ken[1] ? 'Office of the Attorney General' : null, 'internal: not shown to the public');
      }
    });

    test('a bulk assignment filtered by follow-up gives both the status and the entity to every match', async () => {
      const matching = await ask(t, 'GET', '/api/v1/recommendations?state=KEN&followUp=in-progress&facets=false', headers.admin!);
      assert.ok(matching.body.total > 0);
      const applied = await ask(t, 'POST', '/api/v1/follow-up/assignments', headers.admin!, {
        filter: { state: 'KEN', followUp: 'in-progress' },
        status: { status: 'implemented', holdsFrom: '2025' },
        entity: { name: 'Office of the President' },
      });
      ok(applied);
      assert.equal(applied.body.applied, matching.body.total);
      for (const item of matching.body.items) {
        const seen = await followUp('admin', item.id);
        assert.equal(seen.status.status, 'implemented', item.id);
        assert.equal(seen.entity.name, 'Office of the President', item.id);
      }
    });

    test('a re-import of the dataset replaces the rows and keeps their follow-up', async () => {
      const seen = await followUp('admin', ken[0]!);
      const report = await importUprInfo(t.db.db, csvFile([...ROWS, 'Kenya,Protect human rights defenders (follow-up test 6),Norway,Accepted,8']), { context: systemContext('test') });
      // Every row of the dataset is deleted and stored again (with new keys on PostgreSQL; SQLite may reuse them).
      assert.equal(report.files[0]?.status, 'imported', JSON.stringify(report));
      assert.equal(report.files[0]?.stored, 6, JSON.stringify(report));
      assert.deepEqual(await followUp('admin', ken[0]!), seen);
      assert.deepEqual(errors, []);
    });
  });
}
