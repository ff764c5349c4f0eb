// What the report's API answers (GET /api/v1/report-drafts…), as the pages read it.
import type { DiffPart } from '../../../../src/modules/resolutions/family/diff.ts';

export interface DraftSummary {
  id: string;
  name: string;
  session: number;
  asOf: string;
  periodStart?: string;
  lang: string;
  /** How many versions have been saved. */
  versions?: number;
  versionCount?: number;
  updatedAt?: string | null;
  updatedBy?: string | null;
}

export interface Rewritten {
  text: string;
  /** The fingerprint of the generated section the drafter rewrote. */
  basedOn: string;
  by: string | null;
  at: string | null;
}

export interface DraftSection {
  id: string;
  label: string;
  heading: string;
  fingerprint: string;
  generatedText: string;
  rewritten: Rewritten | null;
  /** The data beneath a rewritten section changed since it was rewritten. */
  dataChanged: boolean;
}

export interface DraftVersion {
  number: number;
  note: string | null;
  by: string | null;
  at: string | null;
}

export interface ReportDraft {
  id: string;
  name: string;
  session: number;
  periodStart: string;
  asOf: string;
  regions: string[] | null;
  lang: string;
  symbol: string | null;
  agendaItem: string | null;
  version?: number;
  updatedAt?: string | null;
  sections: DraftSection[];
  versions: DraftVersion[];
}

export interface SectionComparison {
  id: string;
  heading: string;
  changed: boolean;
  diff: DiffPart[];
}

export type { DiffPart };
