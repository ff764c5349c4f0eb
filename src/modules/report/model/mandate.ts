// The report's introduction and its chapter on the implementation of the resolution: the
// paragraph that asks for the report, quoted as stored, and every mandate of the resolution at
// the report's date, with what answers it, read through the asker's view.
import type { Kysely } from 'kysely';
import { recordStartDays } from '../../cooperation/repository.ts';
import { firstDay } from '../../../shared/dates.ts';
import { COOPERATION_RECORD_KINDS } from '../../../shared/vocabularies.ts';
import type { Database } from '../../../db/schema.ts';
import { findResolution } from '../../resolutions/repository.ts';
import { mandateItems, type MandateView } from '../../resolutions/service.ts';
import { apiPath, type Figure, figure, type SourceRef } from './figures.ts';

/** The 2004 resolution on regional arrangements, as the shipped snapshot and an import key it. */
export const RESOLUTION_2004 = { id: 'local-ga-59-regional-arrangements-2004-12-20', key: 'local:ga-59-regional-arrangements-2004-12-20' } as const;
/** Its paragraph requesting the report (OP13). */
export const MANDATE_OP13 = `${RESOLUTION_2004.id}.op13`;

export interface MandateQuote {
  resolutionId: string;
  /** The resolution's key: its printed symbol, else `local:<file name>` (the 2004 text prints none). */
  key: string;
  /** The printed symbol; null when the text states none (never invented). */
  symbol: string | null;
  title: string | null;
  adoptedOn: string | null;
  /** The language the text was imported in. */
  lang: string;
  anchor: string;
  /** The paragraph's text exactly as stored. */
  text: string;
  sources: SourceRef[];
}

export type MandateFact = { quote: MandateQuote; why: null } | { quote: null; why: string };

export interface ImplementationFacts {
  resolutionId: string;
  mandates: {
    id: string;
    anchor: string;
    verb: string;
    addressee: string;
    text: string | null;
    status: MandateView['status'];
    due: MandateView['due'];
    overdue: boolean | null;
    answers: MandateView['answers'];
    answeredBy: MandateView['answeredBy'];
  }[];
  total: Figure;
  overdue: Figure;
  byStatus: Record<string, Figure>;
}

/** Where the stored text comes from: the shipped file or the file imported. */
function textSource(row: { file_name: string; title: string | null; symbol: string | null }): SourceRef {
  return { title: row.title ?? row.file_name, url: row.symbol ?? `data/resolutions/${row.file_name}`, kind: 'official' };
}

export async function mandateFacts(reader: Kysely<Database>, asOf: string): Promise<MandateFact> {
  const row = await findResolution(reader, RESOLUTION_2004.id);
  if (!row) return { quote: null, why: `the resolution ${RESOLUTION_2004.key} is not stored (the shipped snapshot loads it at first start, or import its text)` };
  const [m] = (await mandateItems(reader, { resolution: row.id }, asOf)).filter((v) => v.id === MANDATE_OP13);
  if (!m) return { quote: null, why: `the mandate ${MANDATE_OP13} is not stored` };
  if (m.text === null) return { quote: null, why: `the paragraph ${m.ref} has no stored text` };
  return {
    quote: { resolutionId: row.id, key: row.key, symbol: row.symbol, title: row.title, adoptedOn: row.adopted_on, lang: row.lang, anchor: m.anchor, text: m.text, sources: [textSource(row)] },
    why: null,
  };
}

/** Of the records answering mandates, those begun by the report's date (a record linked today may
 *  date from after it; one whose start is not recorded is left out rather than dated by guess). */
async function recordsBegunBy(reader: Kysely<Database>, records: readonly { kind: string; id: string }[], asOf: string): Promise<Set<string>> {
  const begun = new Set<string>();
  for (const kind of COOPERATION_RECORD_KINDS) {
    const days = await recordStartDays(reader, kind, [...new Set(records.filter((r) => r.kind === kind).map((r) => r.id))]);
    for (const [id, day] of days) if (firstDay(day) <= asOf) begun.add(`${kind}:${id}`);
  }
  return begun;
}

export async function implementationFacts(reader: Kysely<Database>, asOf: string): Promise<ImplementationFacts | null> {
  const row = await findResolution(reader, RESOLUTION_2004.id);
  if (!row) return null;
  const views = await mandateItems(reader, { resolution: row.id }, asOf);
  const begunBy = await recordsBegunBy(
    reader,
    views.flatMap((v) => v.answeredBy),
    asOf,
  );
  const source = [textSource(row)];
  const api = (extra: Record<string, string | boolean>) => apiPath('/api/v1/mandates', { resolution: row.id, asOf, ...extra });
  const byStatus: Record<string, Figure> = {};
  for (const status of new Set(views.map((v) => v.status))) byStatus[status] = figure(views.filter((v) => v.status === status).length, api({ status }), source);
  return {
    resolutionId: row.id,
    mandates: views.map((v) => ({
      id: v.id,
      anchor: v.anchor,
      verb: v.verb,
      addressee: v.addressee,
      text: v.text,
      status: v.status,
      due: v.due,
      overdue: v.overdue,
      answers: v.answers,
      answeredBy: v.answeredBy.filter((r) => begunBy.has(`${r.kind}:${r.id}`)),
    })),
    total: figure(views.length, api({}), source),
    overdue: figure(views.filter((v) => v.overdue === true).length, api({ overdue: true }), source),
    byStatus,
  };
}
