// Bulk assignment of follow-up and the followUp facet over UPR Info's 42,013 recommendations, on
// SQLite and PostgreSQL: `TEST_DATABASE_URL=postgres://… node --import tsx bench/follow-up-bulk.ts`
// (needs ../shared/data/upr-info-terman). Prints the time of each step (bench/RESULTS.md).
import { importUprInfo } from '../src/importers/upr-info/import.ts';
import { systemContext } from '../src/modules/audit/context.ts';
import { runUseCase } from '../src/modules/audit/pipeline.ts';
import { bulkFollowUpUseCase } from '../src/modules/follow-up/bulk.ts';
import { followUpCounts } from '../src/modules/follow-up/repository.ts';
import { filterOf } from '../src/modules/recommendations/service.ts';
import { viewFor } from '../src/db/visibility.ts';
import { createTestDb } from '../test/support/databases.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { loadReferenceData } from '../src/reference/load.ts';
for (const dialect of ['sqlite', 'postgres'] as const) {
  const t = await createTestDb(dialect);
  await seedReferenceData(t.db, loadReferenceData());
  const rep = await importUprInfo(t.db, '../shared/data/upr-info-terman', { context: systemContext('test') });
  console.log(rep.files.map((f) => `${f.status}:${f.stored}`).join(' '));
  let s = Date.now();
  const r1 = await runUseCase(t.db, bulkFollowUpUseCase, { filter: {}, body: { status: { status: 'in-progress', holdsFrom: '2024' } } }, systemContext('bench'));
  const a = Date.now() - s;
  s = Date.now();
  const r2 = await runUseCase(
    t.db,
    bulkFollowUpUseCase,
    { filter: { followUp: 'in-progress' }, body: { status: { status: 'implemented', holdsFrom: '2025' }, entity: { name: 'Ministry' } } },
    systemContext('bench'),
  );
  const b = Date.now() - s;
  s = Date.now();
  const counts = await followUpCounts(viewFor(t.db, { see: 'public' }), filterOf({}));
  const c = Date.now() - s;
  s = Date.now();
  const counts2 = await followUpCounts(viewFor(t.db, { see: 'internal', scopes: ['state:KEN'] }), filterOf({ q: 'torture' }));
  const d = Date.now() - s;
  console.log(dialect, r1.applied, `${a} ms`, r2.applied, `${b} ms (status+entity, filtered by followUp)`, JSON.stringify(counts), `${c} ms facet`, JSON.stringify(counts2), `${d} ms facet q=torture`);
  await t.drop();
}
