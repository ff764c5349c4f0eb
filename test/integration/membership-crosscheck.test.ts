// The Correlates of War IGO memberships (../shared/data/cow-igo-v3) as a year-level cross-check
// of the registry, on each database: spans stored as the list gives them, and every run of years
// in which the list and the registry's dated memberships disagree listed, with both sides.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { importCowIgo } from '../../src/importers/cow-igo/import.ts';
import { registryYear } from '../../src/modules/organizations/crosscheck.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

test('the registry says something of a year only when its status holds all year, dated to the day', () => {
  const greece = [
    { seq: 1, event: 'joined' as const, date: '1949-08-09', sourceIds: ['s'], note: null },
    { seq: 2, event: 'left' as const, date: '1969-12-12', sourceIds: ['s'], note: null },
    { seq: 3, event: 'joined' as const, date: '1974-11-28', sourceIds: ['s'], note: null },
  ];
  assert.equal(registryYear(greece, 1960), 'member');
  assert.equal(registryYear(greece, 1969), null, 'it left that year');
  assert.equal(registryYear(greece, 1972), 'none');
  assert.equal(registryYear([{ seq: 1, event: 'joined', date: null, sourceIds: [], note: null }], 1990), null, 'an undated event says nothing');
  const yearOnly = [{ seq: 1, event: 'joined' as const, date: '1963', sourceIds: ['s'], note: null }];
  assert.equal(registryYear(yearOnly, 1963), null, 'joined some day of that year');
  assert.equal(registryYear(yearOnly, 1964), 'member');
});

for (const dialect of testDialects()) {
  describe(`membership cross-check on ${dialect}`, { skip: skipWithoutSharedData() }, () => {
    let t: TestApp;
    const serverErrors: string[] = [];
    before(async () => {
      t = await seededApp(dialect, serverErrors);
    });
    after(async () => {
      await t?.db.drop();
      assert.deepEqual(serverErrors, []);
    });

    test('the list is stored as spans of years, each with its row; twice changes nothing', async () => {
      const report = await importCowIgo(t.db.db, sharedDataPath('cow-igo-v3'));
      assert.deepEqual([report.files.map((f) => f.status), report.problems], [['imported'], []]);
      const spans = await t.db.db.selectFrom('membership_snapshot').selectAll().where('organization_id', '=', 'coe').where('iso3', '=', 'FRA').orderBy('from_year').execute();
      const rows = parse(readFileSync(sharedDataPath('cow-igo-v3', 'derived', 'state_year_regional_igos.csv')), { columns: true }) as Record<string, string>[];
      const france = rows.filter((r) => r.ccode === '220' && r.coe === '1').map((r) => Number(r.year));
      const member = spans.filter((s) => s.status === 'member');
      assert.deepEqual([member[0]!.from_year, member.at(-1)!.to_year], [String(Math.min(...france)), String(Math.max(...france))]);
      assert.equal(rows[member[0]!.row - 2]!.ccode, '220', 'the row named is the first of the span');
      assert.deepEqual(
        (await importCowIgo(t.db.db, sharedDataPath('cow-igo-v3'))).files.map((f) => f.status),
        ['unchanged'],
      );
    });

    test('disagreements are listed by runs of years, both sides with their provenance', async () => {
      const r = await t.get('/api/v1/data-quality/membership-conflicts?limit=1000');
      assert.equal(r.status, 200);
      const key = (c: any) => `${c.organization}|${c.iso3}|${c.kind}|${c.fromYear}-${c.toYear}`;
      const listed = new Set(r.body.items.map(key));
      // Greece left the Council of Europe on 12 December 1969 and returned on 28 November 1974; the list keeps it a member.
      assert.ok(listed.has('coe|GRC|list-member|1970-1973'), [...listed].filter((k) => (k as string).includes('GRC')).join(', '));
      // Morocco left the OAU in 1984 and joined the African Union in 2017: the list agrees, nothing listed after 1985.
      assert.ok(!r.body.items.some((c: any) => c.iso3 === 'MAR' && c.organization === 'au' && Number(c.fromYear) > 1985));
      const greece = r.body.items.find((c: any) => key(c) === 'coe|GRC|list-member|1970-1973');
      assert.deepEqual([greece.followed, greece.list.status, greece.registry.status, greece.list.file], ['registry', 'member', 'none', 'state_year_regional_igos.csv']);
      assert.ok(greece.registry.events.every((e: any) => e.sourceIds.length > 0));
      const onlyCoe = await t.get('/api/v1/data-quality/membership-conflicts?organization=coe&limit=1000');
      assert.ok(onlyCoe.body.items.length > 0 && onlyCoe.body.items.every((c: any) => c.organization === 'coe'));
    });
  });
}
