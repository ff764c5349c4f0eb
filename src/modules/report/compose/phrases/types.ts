// What the report says, as functions of its figures: one implementation per language (en.ts,
// fr.ts…). Each takes numbers and names already formatted (./format.ts) and returns plain text;
// the composer adds footnotes and tables around it.
import type { ReportSectionId } from '../index.ts';

/** A source's kind as the annex names it. */
export type SourceKindWord = 'official' | 'secondary' | 'tertiary' | 'unknown';

export interface Phrases {
  title: string;
  subtitle: string;
  headings: Record<ReportSectionId, string>;
  /** Written where a figure cannot be given (a table cell, a chart). */
  noData: string;

  summary(x: { start: string; end: string; regions: number; organizations: number; instruments: number; mechanisms: number; newParties: number }): string;

  // I. Introduction
  /** Before the quoted paragraph: "…paragraph 13 of its resolution of 20 December 2004…, in which the Assembly:". */
  mandateLead(x: { paragraph: string; adopted: string | null; symbol: string | null; session: string }): string;
  mandateMissing(why: string): string;
  period(x: { start: string; end: string }): string;
  method: string;
  regionsCovered(x: { regions: string }): string;

  // II. Developments by region
  regionStates(x: { states: string; region: string }): string;
  organizations(x: { count: number; region: string; list: string }): string;
  noOrganization(x: { region: string; date: string }): string;
  organization(x: { name: string; members: string; unverified: number; inRegion: string }): string;
  instruments(x: { count: number; list: string }): string;
  noInstrument(x: { date: string }): string;
  /** `notYetInForce`: its entry into force is recorded, after the report's date; else an absent `inForce` is not recorded. */
  instrument(x: { title: string; adopted: string | null; inForce: string | null; notYetInForce: boolean }): string;
  mechanisms(x: { count: number; list: string }): string;
  noMechanism(x: { date: string }): string;
  mechanism(x: { name: string; established: string | null; complaints: boolean }): string;
  ratificationCaption(x: { region: string; date: string }): string;
  ratificationColumns: { instrument: string; parties: string; uncertain: string; atVienna: string; beforePeriod: string; newInPeriod: string; newSinceVienna: string };
  ratificationNote(x: { start: string; api: string }): string;
  newParties(x: { count: number; start: string; end: string; list: string }): string;
  noNewParty(x: { start: string; end: string }): string;
  /** "Kenya (CAT, OP-CRC-SC)"; `uncertain` instruments are marked. */
  newParty(x: { state: string; instruments: string }): string;
  uncertainMark: string;
  chartCaption(x: { region: string }): string;
  chartSeries: { atVienna: string; atDate: (date: string) => string };
  chartAlt(x: { region: string; date: string }): string;
  /** Written at the chart's reference line: "53 States". */
  chartMax(x: { states: string }): string;

  // III. Cooperation with OHCHR
  requests(x: { total: number; date: string; byStatus: string; unanswered: number; overdue: number }): string;
  noRequest(x: { date: string }): string;
  projects(x: { total: number; running: number; start: string; end: string; budget: string | null; disbursed: string | null }): string;
  noProject(x: { date: string }): string;
  /** `counted`: the events whose participants are recorded (a count of 0 is a count not recorded); `participants` their total. */
  events(x: { total: number; participants: number; counted: number; start: string; end: string }): string;
  noEvent(x: { start: string; end: string }): string;
  eventCaption(x: { start: string; end: string }): string;
  eventColumns: { title: string; kind: string; dates: string; country: string; participants: string };
  presences(x: { open: number; covered: number; date: string; list: string; uncertain: number }): string;
  noPresence(x: { date: string }): string;

  // IV. Exchanges
  exchanges(x: { total: number; start: string; end: string; byKind: string }): string;
  noExchange(x: { start: string; end: string }): string;
  exchangeCaption(x: { start: string; end: string }): string;
  exchangeColumns: { title: string; kind: string; dates: string; parties: string };

  // V. Obstacles
  obstacles(x: { total: number; date: string; byCategory: string; strategies: number }): string;
  noObstacle(x: { date: string }): string;
  obstacleExample(x: { state: string; instruments: string; category: string; description: string; identified: string; strategies: string | null }): string;

  // VI. Implementation
  implementation(x: { total: number; byStatus: string; overdue: number; date: string }): string;
  implementationMissing(why: string): string;
  implementationCaption(x: { date: string }): string;
  implementationColumns: { paragraph: string; request: string; status: string; due: string; answeredBy: string };
  noAnswer: string;
  noDue: string;

  // VII. Conclusions and recommendations
  conclusionsLead(x: { date: string }): string;
  uncovered(x: { count: number; date: string; list: string }): string;
  noneUncovered(x: { date: string }): string;
  uncoveredRecommendation(x: { paragraph: string | null }): string;
  coverageIncomplete(x: { list: string }): string;
  leastRatified(x: { region: string; list: string }): string;
  /** "ICMW (13 of 54 States)". */
  leastRatifiedItem(x: { instrument: string; parties: string; states: string }): string;
  leastRatifiedRecommendation: string;
  unanswered(x: { count: number; overdue: number; date: string }): string;
  unansweredRecommendation: string;
  dataRecommendation: string;
  mapCaption(x: { date: string }): string;
  mapAlt(x: { date: string; covered: number; uncovered: number }): string;
  mapLegend: { covered: string; uncovered: string };

  // Annex
  annexLabel: string;
  sourcesCaption: string;
  sourcesColumns: { number: string; source: string; kind: string; address: string };
  sourceKinds: Record<SourceKindWord, string>;
  /** A footnote pointing at the annex: "Sources: annex, nos. 3, 5 and 7." */
  seeSources(x: { numbers: string }): string;
  /** The API address that gives the same figures at the report's date. */
  apiNote(x: { api: string }): string;
}
