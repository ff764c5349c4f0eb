// Generating the report on regional arrangements for one session (issue 17, "Performance"):
// `npm run bench:report [-- --dialect sqlite|postgres] [--rounds 7]`.
//
// A fresh database (SQLite file, or a throwaway PostgreSQL database at TEST_DATABASE_URL) is
// migrated and seeded, the shipped snapshots are loaded and every shared dataset is imported
// (`import all ../shared/data --skip-invalid`). Then, each round, for the sixty-first session
// (as of 2006-06-30, period from 2005-07-01) as the anonymous public reads it:
//   facts   buildReportFacts: the queries the report runs (the baseline);
//   compose composeReport + assembleDocument: the prose, tables and annex;
//   docx    toDocx (no browser: the figures' PNGs are Chromium's and reported apart);
//   html    toHtml;
//   pdf     toPdf (Chromium prints the HTML), once every round;
// and the English and Arabic documents both. Medians over the rounds after the first (warm-up).
// The target: facts + compose + docx under 3 s. Reported with docx / facts as a ratio, since the
// machine is shared and seconds move with its load.
import { publicView } from '../src/db/visibility.ts';
import { importAll } from '../src/importers/all.ts';
import { assembleDocument, composeReport } from '../src/modules/report/compose/index.ts';
import { toDocx } from '../src/modules/report/document/docx.ts';
import { toHtml } from '../src/modules/report/document/html.ts';
import { toPdf } from '../src/modules/report/document/pdf.ts';
import { buildReportFacts } from '../src/modules/report/model/index.ts';
import { loadReferenceData } from '../src/reference/load.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { loadSnapshot } from '../src/snapshot/load.ts';
import { loadResolutionSnapshot } from '../src/snapshot/resolutions/load.ts';
import { createTestDb } from '../test/support/databases.ts';
import { SHARED_DATA } from '../test/support/shared-data.ts';

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const DIALECT = (argument('--dialect') ?? 'sqlite') as 'sqlite' | 'postgres';
const ROUNDS = Number(argument('--rounds') ?? 7);
const OPTIONS = { asOf: '2006-06-30', periodStart: '2005-07-01', session: 61 };

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function timed<T>(times: number[], work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  times.push(performance.now() - started);
  return result;
}

const db = await createTestDb(DIALECT);
try {
  const setup = performance.now();
  await seedReferenceData(db.db, loadReferenceData());
  await loadSnapshot(db.db);
  await loadResolutionSnapshot(db.db);
  await importAll(db.db, SHARED_DATA, { skipInvalid: true });
  console.log(`${DIALECT}: database ready with all shared data in ${ms(performance.now() - setup)}`);
  const reader = publicView(db.db);
  const times: Record<string, number[]> = { facts: [], compose: [], docx: [], html: [], pdf: [], totalEn: [], totalAr: [] };
  let sizes = { docx: 0, html: 0, pdf: 0, sources: 0 };
  for (let round = 0; round <= ROUNDS; round++) {
    const keep = round > 0;
    const t: Record<string, number[]> = keep ? times : { facts: [], compose: [], docx: [], html: [], pdf: [], totalEn: [], totalAr: [] };
    for (const lang of ['en', 'ar'] as const) {
      const started = performance.now();
      const facts = await timed(lang === 'en' ? t.facts! : [], () => buildReportFacts(reader, { ...OPTIONS, lang }));
      const doc = await timed(lang === 'en' ? t.compose! : [], () => {
        const report = composeReport(facts, { lang });
        return assembleDocument(report.head, report.sections);
      });
      const docx = await timed(lang === 'en' ? t.docx! : [], () => toDocx(doc));
      (lang === 'en' ? t.totalEn! : t.totalAr!).push(performance.now() - started);
      if (lang !== 'en') continue;
      const html = await timed(t.html!, () => toHtml(doc));
      const pdf = await timed(t.pdf!, () => toPdf(html));
      const annex = doc.blocks.at(-1);
      sizes = { docx: docx.length, html: html.length, pdf: pdf.length, sources: annex?.kind === 'table' ? annex.rows.length : 0 };
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<string, number>;
  console.log(`rounds: ${ROUNDS} after one warm-up; medians`);
  console.log(`facts (the queries)       ${ms(m.facts!)}`);
  console.log(`compose                   ${ms(m.compose!)}`);
  console.log(`docx (no browser)         ${ms(m.docx!)}   (${(sizes.docx / 1024).toFixed(0)} KB, ${sizes.sources} sources in the annex)`);
  console.log(`facts + compose + docx    ${ms(m.totalEn!)} English, ${ms(m.totalAr!)} Arabic   (target < 3000 ms)`);
  console.log(`(compose + docx) / facts  ${((m.compose! + m.docx!) / m.facts!).toFixed(2)}`);
  console.log(`html                      ${ms(m.html!)}   (${(sizes.html / 1024).toFixed(0)} KB)`);
  console.log(`pdf (Chromium)            ${ms(m.pdf!)}   (${(sizes.pdf / 1024).toFixed(0)} KB)`);
} finally {
  await db.drop();
}
