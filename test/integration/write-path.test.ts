// The write path on each database: every writer records who changed what, in the same
// transaction as the change; a write gives new versions to the topics it touched and to no
// other; records cannot be changed afterwards; a use case that fails leaves nothing behind.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { importAll } from '../../src/importers/all.ts';
import { importCsvWithMapping } from '../../src/importers/csv-mapping/import.ts';
import { importUntermNames } from '../../src/importers/unterm-names/import.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase, type UseCase } from '../../src/modules/audit/pipeline.ts';
import { auditTrail } from '../../src/modules/audit/service.ts';
import { readDataVersions } from '../../src/modules/meta/repository.ts';
import { updateOrganization } from '../../src/modules/organizations/write.ts';
import { buildTreatyModelInBackground, treatyModel } from '../../src/modules/treaty-status/model.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import type { ValidationError } from '../../src/shared/errors.ts';
import type { Topic } from '../../src/shared/topics.ts';
import { createTestDb, testDialects, type TestDb } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const TABLE = sharedDataPath('regional-hr-transcribed', 'achr_ratifications_cidh_2003.csv');
const MAPPING = new URL('../../data/mappings/regional-hr-transcribed/achr_ratifications_cidh_2003.mapping.json', import.meta.url).pathname;

/** The topics whose version differs between two readings. */
function changedTopics(before: Map<Topic, string>, after: Map<Topic, string>): Topic[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t)).sort();
}

for (const dialect of testDialects()) {
  describe(`the write path on ${dialect}`, () => {
    let database: TestDb;
    before(async () => {
      database = await createTestDb(dialect);
      await seedReferenceData(database.db, loadReferenceData());
    });
    after(async () => {
      await database?.drop();
    });

    test('the seed is recorded once, as the system actor seed with the operating-system user', async () => {
      const records = await auditTrail(database.db, { useCase: 'reference.seed', limit: 10 });
      assert.equal(records.length, 1);
      const [seed] = records;
      assert.equal(seed!.actor, 'system:seed');
      assert.ok(seed!.osUser, 'the operating-system user is named');
      assert.equal(seed!.action, 'seed');
      assert.equal((seed!.after as { counts: Record<string, number> }).counts.state, 197);
      const versions = await readDataVersions(database.db);
      assert.equal(await seedReferenceData(database.db, loadReferenceData()), 'unchanged');
      assert.equal((await auditTrail(database.db, { useCase: 'reference.seed', limit: 10 })).length, 1, 'unchanged data: nothing recorded');
      assert.deepEqual(changedTopics(versions.topics, (await readDataVersions(database.db)).topics), []);
    });

    test('a dataset import records one summary naming the dataset and its counts, and touches only treaty data and sources', { skip: skipWithoutSharedData() }, async () => {
      const before = await readDataVersions(database.db);
      const context = systemContext('importer', 'the 2003 table of the Inter-American Commission');
      await importCsvWithMapping(database.db, TABLE, MAPPING, { context });
      const [record, ...others] = await auditTrail(database.db, { requestId: context.requestId, limit: 10 });
      assert.equal(others.length, 0, 'one record for the whole import');
      assert.equal(record!.useCase, 'datasets.import');
      assert.equal(record!.entityId, 'csv:achr-ratifications-cidh-2003');
      assert.equal(record!.reason, 'the 2003 table of the Inter-American Commission');
      const stored = (record!.after as { stored: { id: string; accepted: number; facts: Record<string, number> }[] }).stored;
      assert.equal(stored.length, 1);
      assert.ok(stored[0]!.accepted > 20, 'the count of rows stored');
      assert.ok(stored[0]!.facts['treaty-actions']! >= stored[0]!.accepted, 'and of the acts read from them');
      assert.match(record!.summary, /csv:achr-ratifications-cidh-2003 \(\d+\)/);
      assert.deepEqual(changedTopics(before.topics, (await readDataVersions(database.db)).topics), ['sources', 'treaty-data']);

      await importCsvWithMapping(database.db, TABLE, MAPPING, { context: systemContext('importer') });
      assert.equal((await auditTrail(database.db, { useCase: 'datasets.import', limit: 10 })).length, 1, 'the same file again changes and records nothing');
    });

    test('official names imported twice: recorded once, and the second import renews no version', { skip: skipWithoutSharedData() }, async () => {
      const file = sharedDataPath('country-codes-datahub', 'country-codes.csv');
      await importUntermNames(database.db, file);
      const versions = await readDataVersions(database.db);
      await importUntermNames(database.db, file);
      assert.equal((await auditTrail(database.db, { useCase: 'names.replace-official', limit: 10 })).length, 1);
      assert.deepEqual(changedTopics(versions.topics, (await readDataVersions(database.db)).topics), []);
    });

    test('an organization corrected: before and after recorded, only its topics renewed, the treaty model kept', async () => {
      const model = await treatyModel(database.db);
      const before = await readDataVersions(database.db);
      const context = systemContext('cli', 'the AU moved its website');
      const { changed, version } = await updateOrganization(database.db, { id: 'au', website: 'https://au.int/en', source: 'pkg-i18n-iso-countries', expectedVersion: 1 }, context);
      assert.deepEqual(changed, ['website']);
      assert.equal(version, 2);
      const [record] = await auditTrail(database.db, { entityKind: 'organization', entityId: 'au', limit: 1 });
      assert.equal(record!.action, 'update');
      assert.equal(record!.actor, 'system:cli');
      assert.deepEqual(record!.before, { website: 'https://au.int' });
      assert.equal((record!.after as { website: string }).website, 'https://au.int/en');
      assert.deepEqual(changedTopics(before.topics, (await readDataVersions(database.db)).topics), ['organizations']);
      assert.equal(await treatyModel(database.db), model, 'the same model object: not rebuilt');
    });

    test('a correction that breaks a rule names the field and stores nothing, not even an audit record', async () => {
      const count = (await auditTrail(database.db, { limit: 1000 })).length;
      for (const website of ['javascript:alert(1)', 'ftp://example.org']) {
        await assert.rejects(updateOrganization(database.db, { id: 'au', website, source: 'pkg-i18n-iso-countries', expectedVersion: 2 }, systemContext('cli')), (error: ValidationError) =>
          error.details.some((d) => d.field === 'website'),
        );
      }
      await assert.rejects(
        updateOrganization(database.db, { id: 'au', hqIso3: 'XXX', source: 'nope', expectedVersion: 2 }, systemContext('cli')),
        (error: ValidationError) =>
          error.details
            .map((d) => d.field)
            .sort()
            .join() === 'hqIso3,source',
      );
      await assert.rejects(updateOrganization(database.db, { id: '__proto__', website: 'https://example.org', source: 'nope', expectedVersion: 2 }, systemContext('cli')), /No organization/);
      assert.equal((await auditTrail(database.db, { limit: 1000 })).length, count);
    });

    test('a use case that fails half-way leaves neither its change nor a record', async () => {
      const count = (await auditTrail(database.db, { limit: 1000 })).length;
      const versions = await readDataVersions(database.db);
      const failing: UseCase<void, void> = {
        name: 'test.fail-after-writing',
        topics: ['organizations'],
        async run(trx) {
          await trx.updateTable('organization').set({ website: 'https://half.example' }).where('id', '=', 'au').execute();
          throw new Error('disk full');
        },
      };
      await assert.rejects(runUseCase(database.db, failing, undefined, systemContext('test')), /disk full/);
      const au = await database.db.selectFrom('organization').select('website').where('id', '=', 'au').executeTakeFirstOrThrow();
      assert.equal(au.website, 'https://au.int/en');
      assert.equal((await auditTrail(database.db, { limit: 1000 })).length, count);
      assert.deepEqual(changedTopics(versions.topics, (await readDataVersions(database.db)).topics), []);
    });

    test('audit records cannot be changed or deleted, whatever client asks', async () => {
      await assert.rejects(sql`update audit_record set actor = 'someone:else'`.execute(database.db), /cannot be changed/);
      await assert.rejects(sql`delete from audit_record`.execute(database.db), /cannot be changed/);
      const upsert =
        dialect === 'sqlite'
          ? sql`insert or replace into audit_record (id, at, actor, request_id, use_case, action, entity_kind, summary) values (1, 'now', 'someone:else', 'r', 'x', 'x', 'x', 'forged')`
          : sql`insert into audit_record (id, at, actor, request_id, use_case, action, entity_kind, summary) values (1, 'now', 'someone:else', 'r', 'x', 'x', 'x', 'forged') on conflict (id) do update set summary = 'forged'`;
      await assert.rejects(upsert.execute(database.db), /cannot be changed/);
      if (dialect === 'postgres') await assert.rejects(sql`truncate audit_record`.execute(database.db), /cannot be changed/);
      const records = await auditTrail(database.db, { limit: 1000 });
      assert.ok(records.length >= 3 && records.every((r) => r.actor.startsWith('system:')));
    });

    test('an unknown actor or an endless reason is refused before anything is written', async () => {
      const useCase: UseCase<void, void> = { name: 'test.noop', topics: [], run: async () => ({ result: undefined, audit: [] }) };
      await assert.rejects(runUseCase(database.db, useCase, undefined, { actor: 'nobody', osUser: null, requestId: 'r', reason: null }), /not an actor/);
      await assert.rejects(runUseCase(database.db, useCase, undefined, { ...systemContext('test'), reason: 'x'.repeat(3000) }), /too long/);
    });

    test('import all is one transaction: a failure in a later folder stores nothing of the earlier ones', { skip: skipWithoutSharedData() }, async () => {
      const fresh = await createTestDb(dialect);
      const folder = mkdtempSync(join(tmpdir(), 'accord-import-all-'));
      try {
        await seedReferenceData(fresh.db, loadReferenceData());
        // regional-hr-transcribed: a table with a shipped mapping, which imports on its own;
        // z-names: a UNTERM table naming a State the registry lacks, read after it.
        mkdirSync(join(folder, 'regional-hr-transcribed'));
        copyFileSync(TABLE, join(folder, 'regional-hr-transcribed', 'achr_ratifications_cidh_2003.csv'));
        mkdirSync(join(folder, 'z-names'));
        const languages = ['English', 'French', 'Spanish', 'Russian', 'Chinese', 'Arabic'];
        const header = ['ISO3166-1-Alpha-3', ...languages.flatMap((l) => [`UNTERM ${l} Short`, `UNTERM ${l} Formal`])];
        writeFileSync(join(folder, 'z-names', 'country-codes.csv'), `${header.join(',')}\nXKX,${languages.flatMap(() => ['Nowhere', 'Nowhere']).join(',')}\n`);
        const imported = () => fresh.db.selectFrom('import_dataset').select('id').where('kind', '!=', 'reference').execute();
        await assert.rejects(importAll(fresh.db, folder), (error: Error) => /^nothing was stored: /.test(error.message) && /XKX/.test(JSON.stringify(error)));
        assert.deepEqual(await imported(), [], 'the table read before the failure was not stored either');
        assert.equal((await auditTrail(fresh.db, { useCase: 'datasets.import', limit: 10 })).length, 0);
        // Without the failing folder, the same table is stored: the rollback above is what kept it out.
        rmSync(join(folder, 'z-names'), { recursive: true });
        await importAll(fresh.db, folder);
        assert.deepEqual(await imported(), [{ id: 'csv:achr-ratifications-cidh-2003' }]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
        await fresh.drop();
      }
    });

    test('a server answers from the model it has while the new one is built, then from the new one', { skip: skipWithoutSharedData() }, async () => {
      const fresh = await createTestDb(dialect);
      try {
        await seedReferenceData(fresh.db, loadReferenceData());
        buildTreatyModelInBackground(fresh.db);
        const first = await treatyModel(fresh.db);
        await importCsvWithMapping(fresh.db, TABLE, MAPPING);
        const during = await treatyModel(fresh.db);
        assert.equal(during, first, 'the previous model answers while the new one is built');
        let next = during;
        for (let i = 0; i < 200 && next === first; i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          next = await treatyModel(fresh.db);
        }
        assert.notEqual(next.version, first.version, 'the new model replaces it once built');
        assert.ok(next.pairs.get('ACHR')!.size > 0, 'and it holds the imported acts');
      } finally {
        await fresh.drop();
      }
    });
  });
}
