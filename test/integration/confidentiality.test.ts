// A record a reader may not see is absent from every answer: lists, counts, one-record pages
// (404, as if it did not exist), search, exports and cached answers; those entitled see it.
// Records are marked here as an editor's write would leave them (internal, or restricted to an
// audience), straight in the database, so that every read path is checked however it was written.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeAccount, type Session, signIn } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { updateOrganization } from '../../src/modules/organizations/write.ts';
import { createTreatyAction } from '../../src/modules/treaty-status/entered-actions.ts';
import { FRANCE_RATIFIES_ISTANBUL } from '../support/records.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`confidentiality on ${dialect}`, () => {
    let t: TestApp;
    const errors: string[] = [];
    const as: Record<string, Record<string, string>> = {};
    // A restricted organization (its audience: itself) and an internal mechanism.
    const RESTRICTED_ORG = 'ecowas';
    let INTERNAL_MECHANISM = '';

    before(async () => {
      t = await seededApp(dialect, errors);
      const db = t.db.db;
      const orgs = (await db.selectFrom('organization').select('id').execute()).map((r) => r.id);
      assert.ok(orgs.includes(RESTRICTED_ORG), `${RESTRICTED_ORG} is in the shipped registry`);
      const mechanism = await db.selectFrom('mechanism').select('code').where('organization_id', '=', 'coe').orderBy('code').executeTakeFirstOrThrow();
      INTERNAL_MECHANISM = mechanism.code;
      await db
        .updateTable('organization')
        .set({ confidentiality: 'restricted', audience: JSON.stringify([`organization:${RESTRICTED_ORG}`]) })
        .where('id', '=', RESTRICTED_ORG)
        .execute();
      await db.updateTable('mechanism').set({ confidentiality: 'internal' }).where('code', '=', INTERNAL_MECHANISM).execute();
      const accounts = {
        viewer: await makeAccount(db, 'viewer@example.org', ['viewer']),
        ownEditor: await makeAccount(db, 'own@example.org', [`organization-editor:${RESTRICTED_ORG}`]),
        otherEditor: await makeAccount(db, 'other@example.org', ['organization-editor:au']),
        stateEditor: await makeAccount(db, 'state@example.org', ['state-editor:FRA']),
        ohchr: await makeAccount(db, 'ohchr@example.org', ['ohchr-editor']),
      };
      as.anonymous = {};
      for (const [name, account] of Object.entries(accounts)) {
        const session: Session = await signIn(t.app, account);
        as[name] = { Cookie: session.cookie };
      }
    });
    after(async () => {
      assert.deepEqual(errors, []);
      await t.db.drop();
    });

    const text = async (path: string, who: string) => {
      const response = await t.app.request(path, { headers: as[who] });
      return { status: response.status, body: await response.text() };
    };
    const orgListed = async (who: string) => JSON.parse((await text('/api/v1/organizations?limit=1000', who)).body).items.some((o: { id: string }) => o.id === RESTRICTED_ORG);

    test('the restricted organization: only its own editors and OHCHR see it, anywhere', async () => {
      // The entitled ask first, so that a cached answer for them would be what others get if the cache mixed them up.
      const expected: Record<string, boolean> = { ohchr: true, ownEditor: true, anonymous: false, viewer: false, otherEditor: false, stateEditor: false };
      for (const [who, sees] of Object.entries(expected)) {
        assert.equal(await orgListed(who), sees, `list for ${who}`);
        const one = await text(`/api/v1/organizations/${RESTRICTED_ORG}`, who);
        assert.equal(one.status, sees ? 200 : 404, `page for ${who}`);
        if (!sees) assert.doesNotMatch(one.body, /Economic Community/i, 'the 404 names nothing of it');
        const search = await text('/api/v1/search?q=ECOWAS', who);
        assert.equal(search.body.includes(`"id":"${RESTRICTED_ORG}"`), sees, `search for ${who}`);
        const exported = await text('/api/v1/exports/organizations.csv', who);
        assert.equal(exported.status, 200);
        assert.equal(
          exported.body.split('\r\n').some((line) => line.startsWith(`${RESTRICTED_ORG},`)),
          sees,
          `export for ${who}`,
        );
        const members = await text(`/api/v1/organizations/${RESTRICTED_ORG}/members`, who);
        assert.equal(members.status, sees ? 200 : 404, `members for ${who}`);
      }
    });

    test('counts follow what is seen', async () => {
      const total = async (who: string) => JSON.parse((await text('/api/v1/organizations?limit=1', who)).body).total as number;
      assert.equal((await total('ohchr')) - (await total('anonymous')), 1);
      assert.equal(await total('viewer'), await total('anonymous'));
    });

    test('the internal mechanism: every signed-in user sees it, the public does not', async () => {
      for (const [who, sees] of Object.entries({ viewer: true, stateEditor: true, anonymous: false })) {
        const list = await text('/api/v1/mechanisms?limit=1000', who);
        assert.equal(list.body.includes(`"code":"${INTERNAL_MECHANISM}"`), sees, `list for ${who}`);
        assert.equal((await text(`/api/v1/mechanisms/${INTERNAL_MECHANISM}`, who)).status, sees ? 200 : 404, `page for ${who}`);
        const exported = await text('/api/v1/exports/mechanisms.json', who);
        assert.equal(exported.body.includes(`"${INTERNAL_MECHANISM}"`), sees, `export for ${who}`);
      }
    });

    test('a source entered with a restricted record is as restricted as the record', async () => {
      const title = 'ECOWAS Commission internal note on the seat (test source)';
      const row = await t.db.db.selectFrom('organization').select('row_version').where('id', '=', RESTRICTED_ORG).executeTakeFirstOrThrow();
      await updateOrganization(
        t.db.db,
        {
          id: RESTRICTED_ORG,
          audience: [`organization:${RESTRICTED_ORG}`, 'state:NGA'],
          expectedVersion: row.row_version,
          source: { title, url: 'https://www.ecowas.int/', kind: 'official', retrieved: '2026-12-01' },
        },
        systemContext('test'),
      );
      for (const [who, sees] of Object.entries({ ownEditor: true, ohchr: true, anonymous: false, viewer: false, otherEditor: false })) {
        const sources = await text('/api/v1/sources?limit=1000', who);
        assert.equal(sources.status, 200);
        assert.equal(sources.body.includes(title), sees, `sources for ${who}`);
      }
    });

    test('the list of entered treaty acts holds only those the asker may see', async () => {
      const created = await createTreatyAction(t.db.db, { ...FRANCE_RATIFIES_ISTANBUL, confidentiality: 'internal' }, systemContext('test'));
      for (const [who, sees] of Object.entries({ stateEditor: true, viewer: true, anonymous: false })) {
        const list = await text('/api/v1/treaty-actions?participant=FRA', who);
        assert.equal(list.status, 200);
        const ids = (JSON.parse(list.body).items as { id: string; version: number }[]).map((a) => a.id);
        assert.deepEqual(ids, sees ? [created.id] : [], `list for ${who}`);
      }
      const byInstrument = JSON.parse((await text('/api/v1/treaty-actions?instrument=ISTANBUL', 'viewer')).body).items;
      assert.equal(byInstrument[0].participant, 'FRA');
      assert.equal(byInstrument[0].version, 1);
      assert.equal((await text('/api/v1/treaty-actions?instrument=ICCPR', 'viewer')).body, '{"items":[]}');
    });

    test('a cached anonymous answer is not served to those who may see more, nor the reverse', async () => {
      assert.equal(await orgListed('anonymous'), false);
      assert.equal(await orgListed('ownEditor'), true);
      assert.equal(await orgListed('anonymous'), false);
    });
  });
}
