// The report as a reader reads it: the document composed from the facts (src/modules/report/compose)
// prints the numbers the API gives at the report's date, in English and in Arabic; each section's
// fingerprint moves with the facts it is written from and no other; sources are numbered in an annex.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { publicView } from '../../src/db/visibility.ts';
import { assembleDocument, type ComposedReport, composeReport } from '../../src/modules/report/compose/index.ts';
import type { Block } from '../../src/modules/report/document/model.ts';
import { buildReportFacts, type ReportFacts } from '../../src/modules/report/model/index.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { loadResolutionSnapshot } from '../../src/snapshot/resolutions/load.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { ID_2004 } from '../support/resolutions.ts';

const AS_OF = '2006-06-30';
const OPTIONS = { asOf: AS_OF, periodStart: '2005-07-01', session: 61, lang: 'en' as const };

type Table = Extract<Block, { kind: 'table' }>;
const tables = (r: ComposedReport, section: string) => r.sections.find((s) => s.id === section)!.blocks.filter((b): b is Table => b.kind === 'table');
const text = (r: ComposedReport, section: string) =>
  r.sections
    .find((s) => s.id === section)!
    .blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs.map((x) => x.text) : []))
    .join('\n');
/** A table cell as a number ("1,234" in English); NaN when it is not one ("no data", "—"). */
const cell = (s: string) => (/^[\d,]+$/.test(s) ? Number(s.replace(/,/g, '')) : Number.NaN);

for (const dialect of testDialects()) {
  describe(`the report's document on ${dialect}`, () => {
    let t: TestApp;
    let facts: ReportFacts;
    let en: ComposedReport;
    before(async () => {
      t = await seededApp(dialect);
      await loadSnapshot(t.db.db);
      await loadResolutionSnapshot(t.db.db);
      facts = await buildReportFacts(publicView(t.db.db), OPTIONS);
      en = composeReport(facts, { lang: 'en' });
    });
    after(async () => t?.db.drop());

    test("each region's table prints the parties and uncertain parties /treaty-status/counts gives at the date", async () => {
      const counts = (await t.get(`/api/v1/treaty-status/counts?by=region&asOf=${AS_OF}`)).body;
      const byName = new Map(Object.entries(facts.names.instruments).map(([code, n]) => [n.short ?? n.title, code]));
      const regionTables = tables(en, 'developments');
      assert.equal(regionTables.length, facts.developments.length, 'one table per region');
      let compared = 0;
      for (const [i, region] of facts.developments.entries()) {
        const table = regionTables[i]!;
        assert.match(table.caption, new RegExp(region.name));
        const group = counts.groups.find((g: { group: string }) => g.group === region.code);
        for (const row of table.rows) {
          const code = byName.get(row[0]!)!;
          assert.ok(code, `the row ${row[0]} names an instrument`);
          const api = group.counts[code];
          if (!api) continue; // a regional instrument is not among the default instruments of /counts
          if (row[1] === 'no data') {
            assert.equal(api.noData + api.notYetState, group.states, `${code} in ${region.code}: no source speaks for any State`);
            continue;
          }
          assert.equal(cell(row[1]!), api.party, `${code} in ${region.code}: States party`);
          assert.equal(cell(row[2]!), api.uncertain, `${code} in ${region.code}: uncertain`);
          compared++;
        }
        const existing = group.states - group.counts.ICCPR.notYetState;
        assert.match(text(en, 'developments'), new RegExp(`The region of ${region.name} counts ${existing} States`));
      }
      assert.ok(compared >= 40, `compared ${compared} cells`);
      const crpd = regionTables.flatMap((tb) => tb.rows).find((r) => r[0] === 'CRPD');
      assert.equal(crpd, undefined, 'an instrument adopted after the report’s date is not reported');
    });

    test('a regional instrument’s row agrees with /treaty-status/counts asked for it', async () => {
      const europe = tables(en, 'developments')[facts.developments.findIndex((r) => r.code === '150')]!;
      const row = europe.rows.find((r) => r[0] === facts.names.instruments.ECHR!.short)!;
      const api = (await t.get(`/api/v1/treaty-status/counts?by=region&asOf=${AS_OF}&instruments=ECHR`)).body;
      const group = api.groups.find((g: { group: string }) => g.group === '150');
      assert.deepEqual([cell(row[1]!), cell(row[2]!)], [group.counts.ECHR.party, group.counts.ECHR.uncertain]);
      const before = (await t.get(`/api/v1/treaty-status/counts?by=region&asOf=2005-06-30&instruments=ECHR`)).body;
      assert.equal(cell(row[4]!), before.groups.find((g: { group: string }) => g.group === '150').counts.ECHR.party, 'the eve of the period');
    });

    test('the conclusions count the States /coverage finds uncovered, and the implementation table has every mandate /mandates lists', async () => {
      const coverage = (await t.get(`/api/v1/coverage?asOf=${AS_OF}`)).body;
      const states = (await t.get('/api/v1/states?limit=500')).body.items as { iso3: string; region: { code: string } | null }[];
      // States that did not exist yet at the date (South Sudan in 2006) are of no region then.
      const iccpr = (await t.get(`/api/v1/instruments/ICCPR/status?asOf=${AS_OF}`)).body.states as { iso3: string; status: string }[];
      const notYet = new Set(iccpr.filter((s) => s.status === 'notYetState').map((s) => s.iso3));
      const withRegion = new Set(states.filter((s) => s.region !== null && !notYet.has(s.iso3)).map((s) => s.iso3));
      const uncovered = coverage.uncovered.filter((iso3: string) => withRegion.has(iso3)).length;
      assert.match(text(en, 'conclusions'), new RegExp(`As of 30 June 2006, ${uncovered} States of the regions reported are covered by no regional human rights mechanism`));
      const mandates = (await t.get(`/api/v1/mandates?resolution=${ID_2004}&asOf=${AS_OF}&limit=200`)).body;
      const [impl] = tables(en, 'implementation');
      assert.equal(impl!.rows.length, mandates.total);
      assert.deepEqual(impl!.rows.map((r) => r[0]).sort(), mandates.items.map((m: { anchor: string }) => m.anchor.replace(/^op/, '')).sort());
    });

    test('the events of the period are those /events gives, and the introduction quotes OP13 as stored', async () => {
      const events = (await t.get(`/api/v1/events?from=${OPTIONS.periodStart}&to=${AS_OF}&limit=200`)).body;
      const eventTable = tables(en, 'cooperation')[0];
      assert.equal(eventTable?.rows.length ?? 0, events.total);
      const stored = (await t.get(`/api/v1/mandates/${ID_2004}.op13?asOf=${AS_OF}`)).body;
      const quote = en.sections[0]!.blocks.find((b) => b.kind === 'quote');
      assert.ok(quote && quote.kind === 'quote');
      assert.equal(quote.runs.map((r) => r.text).join(''), stored.text);
      assert.equal(quote.lang, 'en');
      assert.match(text(en, 'introduction'), /pursuant to paragraph 13 of General Assembly resolution of 20 December 2004/);
    });

    test('the Arabic document prints the same numbers, and keeps the quote in the language it was imported in', () => {
      const ar = composeReport(facts, { lang: 'ar' });
      const numbers = (r: ComposedReport) => tables(r, 'developments').map((tb) => tb.rows.map((row) => row.slice(1).map((c) => (/^[\d,]+$/.test(c) ? c : '-'))));
      assert.deepEqual(numbers(ar), numbers(en));
      assert.equal(ar.head.lang, 'ar');
      const quote = ar.sections[0]!.blocks.find((b) => b.kind === 'quote');
      assert.equal(quote?.kind === 'quote' && quote.lang, 'en');
    });

    test('every footnote points to a numbered source of the annex, each source listed once with its kind', () => {
      const doc = assembleDocument(en.head, en.sections);
      const annex = tables(en, 'annex')[0]!;
      assert.ok(annex.rows.length > 10, 'the sources of the figures are listed');
      assert.equal(new Set(annex.rows.map((r) => `${r[1]}|${r[3]}`)).size, annex.rows.length, 'each once');
      for (const row of annex.rows) assert.ok(['official', 'secondary', 'tertiary', 'unknown'].includes(row[2]!), row[2]);
      const notes = doc.blocks
        .flatMap((b) => (b.kind === 'paragraph' ? b.runs : b.kind === 'table' ? (b.note ?? []) : []))
        .flatMap((r) => (r.footnote ? [r.footnote.map((x) => x.text).join('')] : []));
      assert.ok(notes.length > 5);
      for (const note of notes) {
        // "Sources: annex, nos. 3, 5 and 7.", perhaps followed by the API address that gives the figures, or that address alone.
        if (note.startsWith('The same figures: /api/v1/')) continue;
        const cited = /^Sources: annex, nos?\. ([^.]*)\./.exec(note)?.[1] ?? '';
        const numbers = [...cited.matchAll(/\d+/g)].map((m) => Number(m[0]));
        assert.ok(numbers.length > 0 && numbers.every((n) => n >= 1 && n <= annex.rows.length), note);
      }
    });

    test('a section’s fingerprint moves with the facts it is written from, and no other', () => {
      const changed: ReportFacts = structuredClone(facts);
      const europe = changed.developments.find((r) => r.code === '150')!;
      europe.organizations[0]!.members.value! += 1;
      const again = composeReport(changed, { lang: 'en' });
      const moved = again.sections.filter((s, i) => s.fingerprint !== en.sections[i]!.fingerprint).map((s) => s.id);
      assert.deepEqual(moved, ['developments']);
      assert.deepEqual(
        composeReport(facts, { lang: 'en' }).sections.map((s) => s.fingerprint),
        en.sections.map((s) => s.fingerprint),
        'the same facts, the same fingerprints',
      );
      assert.notEqual(composeReport(facts, { lang: 'fr' }).sections[1]!.fingerprint, en.sections[1]!.fingerprint, 'another language is another text');
    });
  });
}
