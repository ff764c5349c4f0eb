// Writes each section of the report from the facts, in the report's language; the annex of sources
// comes last because the sections number the sources as they cite them.
import { roman } from '../document/docx-body.ts';
import type { Block } from '../document/model.ts';
import type { ReportFacts } from '../model/index.ts';
import { annex } from './annex.ts';
import { conclusions } from './conclusions.ts';
import { type ComposeContext, composeContext, defaultMapGeometry } from './context.ts';
import { cooperation } from './cooperation.ts';
import { developments } from './developments.ts';
import { exchanges, obstacles } from './exchanges.ts';
import { implementation } from './implementation.ts';
import { type ComposedReport, type ComposedSection, type ComposeOptions, fingerprintOf, type ReportSectionId } from './index.ts';
import { introduction } from './introduction.ts';

type Writer = { id: ReportSectionId; write: (c: ComposeContext) => Block[]; reads: (f: ReportFacts) => unknown };

/** Each section with what it is written from: its fingerprint changes when that does. */
const WRITERS: Writer[] = [
  { id: 'introduction', write: introduction, reads: (f) => [f.mandate, f.periodStart, f.asOf, f.developments.map((r) => [r.code, r.name])] },
  { id: 'developments', write: developments, reads: (f) => [f.developments, f.periodStart, f.asOf, f.names] },
  { id: 'cooperation', write: cooperation, reads: (f) => [f.cooperation, f.periodStart, f.asOf, f.names.states] },
  { id: 'exchanges', write: exchanges, reads: (f) => [f.exchanges, f.periodStart, f.asOf] },
  { id: 'obstacles', write: obstacles, reads: (f) => [f.obstacles, f.asOf, f.names] },
  { id: 'implementation', write: implementation, reads: (f) => [f.implementation, f.asOf] },
  { id: 'conclusions', write: conclusions, reads: (f) => [f.recommendations, f.implementation.facts?.mandates.map((m) => [m.anchor, m.verb, m.text]), f.asOf, f.names] },
];

export function composeReport(facts: ReportFacts, options: ComposeOptions): ComposedReport {
  const c = composeContext(facts, options.lang, options.map === undefined ? defaultMapGeometry() : options.map);
  const { p, f } = c;
  const sections: ComposedSection[] = WRITERS.map((w, i) => ({
    id: w.id,
    label: `${roman(i + 1)}.`,
    heading: p.headings[w.id],
    blocks: w.write(c),
    fingerprint: fingerprintOf([options.lang, w.reads(facts)]),
  }));
  const annexBlocks = annex(c);
  sections.push({ id: 'annex', label: p.annexLabel, heading: p.headings.annex, blocks: annexBlocks, fingerprint: fingerprintOf([options.lang, c.sources.entries]) });
  const newParties = new Set(facts.developments.flatMap((r) => r.ratifications.flatMap((x) => x.newInPeriod.filter((n) => !n.uncertain).map((n) => `${x.instrument}:${n.iso3}`)))).size;
  const head: ComposedReport['head'] = {
    lang: options.lang,
    symbol: options.symbol ?? null,
    distribution: 'General',
    date: facts.asOf,
    session: facts.session,
    agendaItem: options.agendaItem ?? null,
    title: p.title,
    subtitle: p.subtitle,
    summary: [
      {
        text: p.summary({
          start: f.date(facts.periodStart),
          end: f.date(facts.asOf),
          regions: facts.developments.length,
          organizations: new Set(facts.developments.flatMap((r) => r.organizations.map((o) => o.id))).size,
          instruments: new Set(facts.developments.flatMap((r) => r.instruments.map((i) => i.code))).size,
          mechanisms: new Set(facts.developments.flatMap((r) => r.mechanisms.map((m) => m.code))).size,
          newParties,
        }),
      },
    ],
  };
  return { head, sections };
}
