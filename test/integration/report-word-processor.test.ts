// The report's DOCX opens in a word processor: LibreOffice Writer (Debian's libreoffice-writer-nogui,
// which scripts/test-all.sh installs) converts the English and the Arabic report, built from the
// shipped data, to PDF; the pages hold the title, the headings and the numbers the document holds.
// The first pages are kept as PNG in test-artifacts/report/ to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { publicView } from '../../src/db/visibility.ts';
import { assembleDocument, composeReport } from '../../src/modules/report/compose/index.ts';
import { toDocx } from '../../src/modules/report/document/docx.ts';
import { figurePngs } from '../../src/modules/report/document/pdf.ts';
import { buildReportFacts, type ReportFacts } from '../../src/modules/report/model/index.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { loadResolutionSnapshot } from '../../src/snapshot/resolutions/load.ts';
import { seededApp, type TestApp } from '../support/app.ts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'report');

function run(program: string, args: string[], cwd: string): string {
  try {
    return execFileSync(program, args, { cwd, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${program} is not installed: install Debian's libreoffice-writer-nogui and poppler-utils (scripts/test-all.sh does)`);
    throw error;
  }
}

describe('the report opened in LibreOffice Writer', () => {
  let t: TestApp;
  let facts: ReportFacts;
  let dir: string;
  before(async () => {
    t = await seededApp('sqlite');
    await loadSnapshot(t.db.db);
    await loadResolutionSnapshot(t.db.db);
    facts = await buildReportFacts(publicView(t.db.db), { asOf: '2006-06-30', periodStart: '2005-07-01', session: 61, lang: 'en' });
    dir = mkdtempSync(join(tmpdir(), 'accord-report-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await t?.db.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'ar'] as const) {
    test(`the ${lang} DOCX converts to PDF pages holding its title, headings and figures`, async () => {
      const report = composeReport(facts, { lang, agendaItem: null, symbol: null });
      const doc = assembleDocument(report.head, report.sections);
      // With the figures' PNGs, as the API and CLI write it: LibreOffice cannot shape Arabic inside an SVG.
      writeFileSync(join(dir, `report-${lang}.docx`), toDocx(doc, { pngs: await figurePngs(doc) }));
      // Its own profile folder, so that a LibreOffice the user has open does not take the conversion.
      run('soffice', [`-env:UserInstallation=file://${join(dir, `profile-${lang}`)}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, `report-${lang}.docx`], dir);
      const pdf = join(dir, `report-${lang}.pdf`);
      assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf], dir))?.[1]);
      assert.ok(pages >= 10, `${pages} pages`);
      // pdftotext marks right-to-left stretches with Unicode embedding controls: left out to read the words.
      const text = run('pdftotext', ['-layout', pdf, '-'], dir)
        .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\s+/g, ' ');
      const words = (s: string) => s.replace(/\s+/g, ' ');
      assert.ok(text.includes(words(doc.title).slice(0, 30)), 'the title');
      for (const s of report.sections.filter((x) => x.id !== 'annex')) assert.ok(text.includes(words(s.heading).slice(0, 20)), `the heading of ${s.id}: ${s.heading}`);
      const europe = report.sections.find((s) => s.id === 'developments')!.blocks.find((b) => b.kind === 'table' && b.caption.includes(facts.developments.find((r) => r.code === '150')!.name));
      assert.ok(europe?.kind === 'table');
      // An Arabic report isolates Latin names inside its text (U+2068…U+2069); the cell is still the name.
      const iccpr = europe.rows.find((r) => r[0]!.replace(/[\u2066-\u2069]/g, '') === 'ICCPR')!;
      assert.ok(new RegExp(`ICCPR\\s+${iccpr[1]}\\s+${iccpr[2]}`).test(text) || new RegExp(`${iccpr[2]}\\s+${iccpr[1]}\\s+ICCPR`).test(text), `the ICCPR row of Europe (${iccpr.join(' ')})`);
      run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '3', pdf, join(ARTIFACTS, `libreoffice-${lang}`)], dir);
    });
  }
});
