// Writes each section of the report from the facts. The words are in ./phrases.ts, per language.
import type { ReportFacts } from '../model/index.ts';
import { type ComposedReport, type ComposedSection, type ComposeOptions, fingerprintOf, REPORT_SECTIONS, type ReportSectionId } from './index.ts';
import { PHRASES } from './phrases.ts';
import { roman } from '../document/docx-body.ts';

export function composeReport(facts: ReportFacts, options: ComposeOptions): ComposedReport {
  const p = PHRASES[options.lang];
  const head: ComposedReport['head'] = {
    lang: options.lang,
    symbol: options.symbol ?? null,
    distribution: 'General',
    date: facts.asOf,
    session: facts.session,
    agendaItem: options.agendaItem ?? null,
    title: p.title,
    subtitle: p.subtitle,
    summary: null,
  };
  const sections: ComposedSection[] = REPORT_SECTIONS.map((id: ReportSectionId, i) => ({ id, label: `${roman(i + 1)}.`, heading: p.headings[id], blocks: [], fingerprint: fingerprintOf(facts) }));
  return { head, sections };
}
