// The settings a report is generated with (session, period, regions, language, symbol, agenda
// item), as the builder keeps them in its address and the API takes them in its query
// (GET /api/v1/reports/regional-arrangements) or a draft's body. One name per setting, the
// API's, so a shared address and the API's query read the same. Pure: tested without a browser.
import { isValidDay } from '../../../../src/shared/dates.ts';
import { isLang as isUnLang, type Lang } from '../../../../src/shared/text.ts';

export interface ReportSettings {
  /** The General Assembly session, as typed (digits when valid). */
  session: string;
  /** The first day of the period reported on. */
  periodStart: string;
  /** The report's date: every figure is computed as of this day. */
  asOf: string;
  /** First-level M49 codes; none chosen means every region. */
  regions: string[];
  /** The language the report is written in, independent of the interface's. */
  lang: Lang;
  symbol: string;
  agendaItem: string;
}

/** The direction of text in one of the six languages. */
export const dirOf = (lang: string): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

export type SettingName = keyof ReportSettings;

/** The settings' names in the order the form shows them (and problems are listed). */
export const SETTING_NAMES: SettingName[] = ['session', 'periodStart', 'asOf', 'regions', 'lang', 'symbol', 'agendaItem'];

export const SYMBOL_MAX = 60;
export const AGENDA_ITEM_MAX = 200;

const REGION_CODE = /^\d{3}$/;

/** The settings an address holds; what is missing or unusable is left blank, the report's
 *  language following the interface's when none is given. */
export function settingsFrom(params: URLSearchParams, uiLang: Lang): ReportSettings {
  const lang = params.get('lang') ?? '';
  return {
    session: params.get('session') ?? '',
    periodStart: params.get('periodStart') ?? '',
    asOf: params.get('asOf') ?? '',
    regions: [
      ...new Set(
        (params.get('regions') ?? '')
          .split(',')
          .map((r) => r.trim())
          .filter((r) => REGION_CODE.test(r)),
      ),
    ].sort(),
    lang: isUnLang(lang) ? lang : uiLang,
    symbol: params.get('symbol') ?? '',
    agendaItem: params.get('agendaItem') ?? '',
  };
}

/** The query of the settings, for the address and the API: empty values left out. */
export function queryOf(settings: ReportSettings): Record<string, string> {
  const query: Record<string, string> = {
    session: settings.session.trim(),
    periodStart: settings.periodStart,
    asOf: settings.asOf,
    regions: settings.regions.join(','),
    lang: settings.lang,
    symbol: settings.symbol.trim(),
    agendaItem: settings.agendaItem.trim(),
  };
  for (const key of Object.keys(query)) if (!query[key]) delete query[key];
  return query;
}

/** Why a setting cannot be used, as an i18n key: checked before anything is sent, so the reader
 *  is told beside the field instead of by a refusal. */
export type SettingProblems = Partial<Record<SettingName, string>>;

export function problemsOf(settings: ReportSettings): SettingProblems {
  const problems: SettingProblems = {};
  const session = settings.session.trim();
  if (!session) problems.session = 'report.problem.required';
  else if (!/^\d{1,3}$/.test(session) || Number(session) < 1) problems.session = 'report.problem.session';
  if (!settings.periodStart) problems.periodStart = 'report.problem.required';
  else if (!isValidDay(settings.periodStart)) problems.periodStart = 'report.problem.date';
  if (!settings.asOf) problems.asOf = 'report.problem.required';
  else if (!isValidDay(settings.asOf)) problems.asOf = 'report.problem.date';
  else if (isValidDay(settings.periodStart) && settings.asOf < settings.periodStart) problems.asOf = 'report.problem.order';
  if (settings.symbol.trim().length > SYMBOL_MAX) problems.symbol = 'report.problem.tooLong';
  if (settings.agendaItem.trim().length > AGENDA_ITEM_MAX) problems.agendaItem = 'report.problem.tooLong';
  return problems;
}

export const isUsable = (settings: ReportSettings) => Object.keys(problemsOf(settings)).length === 0;

/** The body a draft is created or changed with: the session as a number. */
export function draftBodyOf(settings: ReportSettings): Record<string, unknown> {
  return {
    session: Number(settings.session.trim()),
    periodStart: settings.periodStart,
    asOf: settings.asOf,
    regions: settings.regions,
    lang: settings.lang,
    symbol: settings.symbol.trim() || null,
    agendaItem: settings.agendaItem.trim() || null,
  };
}

/** The settings of a draft as the API gives them. */
export function settingsOfDraft(draft: {
  session: number;
  periodStart: string;
  asOf: string;
  regions?: string[] | null;
  lang: string;
  symbol?: string | null;
  agendaItem?: string | null;
}): ReportSettings {
  return {
    session: String(draft.session),
    periodStart: draft.periodStart,
    asOf: draft.asOf,
    regions: [...(draft.regions ?? [])].sort(),
    lang: isUnLang(draft.lang) ? draft.lang : 'en',
    symbol: draft.symbol ?? '',
    agendaItem: draft.agendaItem ?? '',
  };
}

/** The settings that differ between two versions, for a PATCH that sends only what changed. */
export function changedSettings(now: ReportSettings, before: ReportSettings): Record<string, unknown> {
  const body = draftBodyOf(now);
  const old = draftBodyOf(before);
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(old[key])));
}

/** The API's refusal may name a parameter (`asOf`) or a body field: the setting it is about. */
export function settingOfProblem(problem: { field?: string; parameter?: string }): SettingName | undefined {
  const name = (problem.parameter ?? problem.field ?? '').replace(/[[.].*$/, '');
  return (SETTING_NAMES as string[]).includes(name) ? (name as SettingName) : undefined;
}
