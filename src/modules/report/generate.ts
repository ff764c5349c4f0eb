// The report generated now from the data, for a set of settings (session, date, period, regions,
// language, symbol, agenda item): facts (./model) → sections (./compose) → document (./document).
// The API, the drafts and the CLI all generate through here, so that the same settings give the
// same report whoever asks it (through their own view of the data).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isValidDay } from '../../shared/dates.ts';
import { type Problem, ValidationError } from '../../shared/errors.ts';
import { type ComposedReport, composeReport } from './compose/index.ts';
import { REPORT_LANGUAGES, type ReportLanguage } from './document/model.ts';
import { buildReportFacts } from './model/index.ts';

export interface ReportSettings {
  session: number;
  /** The report's date: every figure is as of it. */
  asOf: string;
  /** The first day of the period reported on. */
  periodStart: string;
  /** First-level M49 codes; empty: every region. */
  regions: string[];
  lang: ReportLanguage;
  /** The document symbol given; null: a visible placeholder. */
  symbol: string | null;
  agendaItem: string | null;
}

/** The day after the same date one year before `asOf` (2006-06-30 → 2005-07-01): a year's report. */
export function defaultPeriodStart(asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  // 29 February of a leap year: a year before is 28 February (Date.UTC would roll to 1 March).
  const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const yearBefore = new Date(Date.UTC(y - 1, m - 1, Math.min(d, lastOfMonth)));
  yearBefore.setUTCDate(yearBefore.getUTCDate() + 1);
  return yearBefore.toISOString().slice(0, 10);
}

/** The settings as the API's query and the CLI's options give them (strings), checked: a 400
 *  naming each parameter that is wrong. `where` names the parameters as the caller knows them. */
export interface RawSettings {
  session?: string | number;
  asOf?: string;
  periodStart?: string;
  regions?: string | string[] | null;
  lang?: string;
  symbol?: string | null;
  agendaItem?: string | null;
}

const REGION = /^\d{3}$/;
const MAX_TEXT = 200;

export function checkSettings(raw: RawSettings, names: Partial<Record<keyof RawSettings, string>> = {}): ReportSettings {
  const name = (k: keyof RawSettings) => names[k] ?? k;
  const problems: Problem[] = [];
  const session = typeof raw.session === 'number' ? raw.session : raw.session !== undefined && /^\d{1,4}$/.test(raw.session) ? Number(raw.session) : Number.NaN;
  if (raw.session === undefined) problems.push({ parameter: name('session'), reason: 'required: the General Assembly session the report is for (e.g. 61)' });
  else if (!Number.isInteger(session) || session < 1 || session > 999) problems.push({ parameter: name('session'), reason: `${JSON.stringify(raw.session)} is not a session number (1 to 999)` });
  const asOf = raw.asOf ?? '';
  if (raw.asOf === undefined) problems.push({ parameter: name('asOf'), reason: "required: the report's date (YYYY-MM-DD)" });
  else if (!isValidDay(asOf)) problems.push({ parameter: name('asOf'), reason: `${JSON.stringify(asOf)} is not a calendar day (YYYY-MM-DD)` });
  let periodStart = raw.periodStart ?? '';
  if (raw.periodStart !== undefined && !isValidDay(periodStart)) problems.push({ parameter: name('periodStart'), reason: `${JSON.stringify(periodStart)} is not a calendar day (YYYY-MM-DD)` });
  if (raw.periodStart === undefined && isValidDay(asOf)) periodStart = defaultPeriodStart(asOf);
  if (isValidDay(asOf) && isValidDay(periodStart) && periodStart > asOf) problems.push({ parameter: name('periodStart'), reason: `${periodStart} is after the report's date ${asOf}` });
  const list = raw.regions === undefined || raw.regions === null ? [] : Array.isArray(raw.regions) ? raw.regions : raw.regions.split(',').map((r) => r.trim());
  const regions = [...new Set(list.filter((r) => r !== ''))];
  const badRegion = regions.find((r) => !REGION.test(r));
  if (badRegion !== undefined) problems.push({ parameter: name('regions'), reason: `${JSON.stringify(badRegion)} is not an M49 region code (three digits, e.g. 002,150)` });
  const lang = raw.lang ?? 'en';
  if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) problems.push({ parameter: name('lang'), reason: `${JSON.stringify(lang)} is not one of ${REPORT_LANGUAGES.join(', ')}` });
  const text = (k: 'symbol' | 'agendaItem') => {
    const v = raw[k]?.trim();
    if (v && (v.length > MAX_TEXT || /\p{Cc}/u.test(v))) problems.push({ parameter: name(k), reason: `at most ${MAX_TEXT} characters, on one line` });
    return v ? v : null;
  };
  const symbol = text('symbol');
  const agendaItem = text('agendaItem');
  if (problems.length) throw new ValidationError('The report cannot be generated with these settings', problems);
  return { session, asOf, periodStart, regions, lang: lang as ReportLanguage, symbol, agendaItem };
}

/** The report as the data give it now, read through `reader` (the asker's view). */
export async function generateReport(reader: Kysely<Database>, settings: ReportSettings): Promise<ComposedReport> {
  const facts = await buildReportFacts(reader, {
    asOf: settings.asOf,
    periodStart: settings.periodStart,
    session: settings.session,
    regions: settings.regions.length ? settings.regions : undefined,
    lang: settings.lang,
  });
  return composeReport(facts, { lang: settings.lang, symbol: settings.symbol, agendaItem: settings.agendaItem });
}

/** The file name a download of the report is given: regional-arrangements-61-2006-06-30-en.docx. */
export function reportFileName(settings: Pick<ReportSettings, 'session' | 'asOf' | 'lang'>, extension: string, suffix = ''): string {
  return `regional-arrangements-${settings.session}-${settings.asOf}-${settings.lang}${suffix}.${extension}`;
}
