// The report written from its facts: ReportFacts (../model) → sections of blocks → ReportDocument
// (../document). Each section carries a fingerprint of the facts it is written from, so that a
// drafter's rewritten section can be kept across regenerations and flagged when the data beneath
// it changed (../drafts). Pure: no database, no clock.
import { createHash } from 'node:crypto';
import type { MapGeometry } from '../document/maps.ts';
import type { Block, ReportDocument, ReportLanguage, Run } from '../document/model.ts';
import type { ReportFacts } from '../model/index.ts';

/** The sections of the report, in the order of the Secretary-General's earlier reports. */
export const REPORT_SECTIONS = ['introduction', 'developments', 'cooperation', 'exchanges', 'obstacles', 'implementation', 'conclusions', 'annex'] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

export interface ComposeOptions {
  lang: ReportLanguage;
  /** The document symbol given; null shows a placeholder. */
  symbol?: string | null;
  /** E.g. "Item 66 (b) of the provisional list"; null shows a placeholder. */
  agendaItem?: string | null;
  /** The map geometry for the report's map (document/map-file.ts); null leaves the map out. Default: the built web app's map file, if there. */
  map?: MapGeometry | null;
}

export interface ComposedSection {
  id: ReportSectionId;
  /** "I.", "II.", …: the section's number in the report. */
  label: string;
  heading: string;
  /** The section's blocks, its heading not included. */
  blocks: Block[];
  /** A hash of the facts the section is written from: it changes when they change. */
  fingerprint: string;
}

export interface ComposedReport {
  /** The document's first page (symbol, date, session, title, summary); `blocks` empty. */
  head: Omit<ReportDocument, 'blocks'>;
  sections: ComposedSection[];
}

/** A stable hash of a value (object keys sorted), for section fingerprints. */
export function fingerprintOf(value: unknown): string {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, stable(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(stable(value)))
    .digest('hex')
    .slice(0, 16);
}

/** The document the sections make: each section's heading (level 1, its label) then its blocks. */
export function assembleDocument(head: ComposedReport['head'], sections: readonly Pick<ComposedSection, 'label' | 'heading' | 'blocks'>[]): ReportDocument {
  const blocks: Block[] = sections.flatMap((s) => [{ kind: 'heading' as const, level: 1 as const, label: s.label, text: s.heading }, ...s.blocks]);
  return { ...head, blocks };
}

export { composeReport } from './compose.ts';
export type { Run };
export type { ReportFacts };
