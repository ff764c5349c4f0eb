// One row of Accord's CSV template of recommendations and decisions (treaty bodies, special
// procedures, regional commissions and courts; docs/RECOMMENDATIONS.md): read into a record,
// or the problems that refuse it, each naming its column.
import { isValidPartialDate, today } from '../../shared/dates.ts';
import type { Problem } from '../../shared/errors.ts';
import { isLang } from '../../shared/text.ts';
import { RECOMMENDATION_RESPONSES, type RecommendationKind, type RecommendationResponse } from '../../shared/vocabularies.ts';
import { searchTextOf } from '../../modules/recommendations/search-text.ts';
import type { ReadRow } from '../recommendation-files.ts';
import { contentKey } from '../upr-info/rows.ts';

export const TEMPLATE_COLUMNS = ['mechanism', 'kind', 'state', 'date', 'document_symbol', 'paragraph', 'text', 'language', 'response', 'themes', 'cycle', 'session'] as const;
const REQUIRED = ['mechanism', 'state', 'text', 'language'] as const;
const KINDS: readonly RecommendationKind[] = ['recommendation', 'decision'];
const MAX_TEXT = 20_000;

export interface TemplateContext {
  mechanisms: Set<string>;
  /** The ISO alpha-3 code of a State of the registry, by its code or any of its names. */
  state(value: string): string | null;
}

export function templateHeaderProblems(file: string, header: string[]): Problem[] {
  return REQUIRED.filter((c) => !header.includes(c)).map((c) => ({ file, row: 1, field: c, reason: `the column ${c} is missing (the template's columns: ${TEMPLATE_COLUMNS.join(', ')})` }));
}

const whole = (cell: string) => (/^[0-9]{1,3}$/.test(cell) ? Number(cell) : undefined);

export function readTemplateRow(file: string, row: number, cell: (column: string) => string, context: TemplateContext): ReadRow {
  const problems: Problem[] = [];
  const problem = (field: string, reason: string) => problems.push({ file, row, field, reason });
  const mechanism = cell('mechanism').trim();
  if (!context.mechanisms.has(mechanism)) problem('mechanism', `"${mechanism}" is not a mechanism of the registry (GET /api/v1/mechanisms)`);
  const kind = (cell('kind').trim() || 'recommendation') as RecommendationKind;
  if (!KINDS.includes(kind)) problem('kind', `"${kind}" is not one of ${KINDS.join(', ')}`);
  const stateCell = cell('state').trim();
  const state = context.state(stateCell);
  if (!state) problem('state', `"${stateCell}" is not a State of the registry (an ISO alpha-3 code or one of its names)`);
  const date = cell('date').trim();
  if (date && !isValidPartialDate(date)) problem('date', `"${date}" is not a date YYYY, YYYY-MM or YYYY-MM-DD`);
  else if (date && date > today()) problem('date', `${date} is in the future`);
  const text = cell('text').trim();
  if (text === '') problem('text', 'is empty');
  else if (text.length > MAX_TEXT) problem('text', `is ${text.length} characters long (at most ${MAX_TEXT})`);
  if (text.includes('\u0000')) problem('text', 'holds a NUL character');
  const language = cell('language').trim();
  if (!isLang(language)) problem('language', `"${language}" is not one of ar, en, es, fr, ru, zh`);
  const response = cell('response').trim();
  if (response && !(RECOMMENDATION_RESPONSES as readonly string[]).includes(response)) problem('response', `"${response}" is not one of ${RECOMMENDATION_RESPONSES.join(', ')} (or empty: not known)`);
  const cycle = cell('cycle').trim() ? whole(cell('cycle').trim()) : null;
  if (cycle === undefined) problem('cycle', `"${cell('cycle')}" is not a whole number`);
  const session = cell('session').trim() ? whole(cell('session').trim()) : null;
  if (session === undefined) problem('session', `"${cell('session')}" is not a whole number`);
  if (problems.length > 0 || !state || cycle === undefined || session === undefined) return { ok: false, problems };
  const symbol = cell('document_symbol').trim() || null;
  const paragraph = cell('paragraph').trim();
  const themes = cell('themes')
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
  const sameText = text.replace(/\s+/g, ' ');
  return {
    ok: true,
    row: {
      key: contentKey([kind, mechanism, state, date, symbol, paragraph, sameText]),
      source_row: row,
      kind,
      mechanism,
      state_iso3: state,
      state_group: null,
      state_orgs: '[]',
      recommender_iso3: null,
      recommender_name: null,
      recommender_group: null,
      recommender_orgs: '[]',
      cycle,
      session,
      date: date || null,
      sort_date: date,
      document_symbol: symbol ? (paragraph ? `${symbol}, para. ${paragraph}` : symbol) : null,
      text,
      text_lang: language,
      response: (response || null) as RecommendationResponse | null,
      response_source: response || null,
      action_category: null,
      themes_source: JSON.stringify(themes),
      group_key: contentKey([mechanism, state, symbol ?? date, sameText]),
      search_text: searchTextOf(text),
    },
  };
}
