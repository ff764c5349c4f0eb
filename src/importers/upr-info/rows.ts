// One row of a UPR Info export (columns To, To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org,
// Response, Action, Issue, Session) read into a recommendation, or the problems that refuse it,
// each naming its column. What the source codes is kept as it codes it (the response as
// written, the regional groups, memberships and issue tags); what Accord reads in it is beside.
import { createHash } from 'node:crypto';
import type { Problem } from '../../shared/errors.ts';
import type { RecommendationKind, RecommendationResponse } from '../../shared/vocabularies.ts';
import type { ReadRow } from '../recommendation-files.ts';
import { searchTextOf } from '../../modules/recommendations/search-text.ts';
import type { UprNameResolver } from './names.ts';
import type { UprSession } from './sessions.ts';
import { decodeCharacterReferences, listOf } from './text.ts';

export const UPR_COLUMNS = ['To', 'To-Rgrp', 'To-Org', 'Text', 'From', 'From-Rgrp', 'From-Org', 'Response', 'Action', 'Issue', 'Session'] as const;
export const REQUIRED_COLUMNS = ['To', 'Text', 'From', 'Response', 'Session'] as const;

/** UPR Info's responses; "Accepted" is its coding of "supported" (partly supported ones were coded as one of the two). */
const RESPONSES: Record<string, { kind: RecommendationKind; response: RecommendationResponse | null }> = {
  Accepted: { kind: 'recommendation', response: 'supported' },
  Noted: { kind: 'recommendation', response: 'noted' },
  'Voluntary Pledge': { kind: 'voluntary-pledge', response: null },
};

const MAX_TEXT = 20_000;

export interface RowContext {
  names: UprNameResolver;
  sessions: Map<number, UprSession>;
}

/** What the header lacks, as problems of row 1. */
export function headerProblems(file: string, header: string[]): Problem[] {
  return REQUIRED_COLUMNS.filter((c) => !header.includes(c)).map((c) => ({ file, row: 1, field: c, reason: `the column ${c} is missing (UPR Info exports have ${UPR_COLUMNS.join(', ')})` }));
}

/** The same recommendation, wherever it is read from: the same id (a re-import keeps the follow-up attached). */
export function contentKey(parts: (string | number | null)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

/** The text as compared for "the same recommendation made by several States": spaces folded. */
const sameText = (text: string) => text.replace(/\s+/g, ' ').trim();

export function readUprRow(file: string, row: number, cell: (column: string) => string, context: RowContext): ReadRow {
  const problems: Problem[] = [];
  const problem = (column: string, reason: string) => problems.push({ file, row, field: column, reason });
  const text = decodeCharacterReferences(cell('Text')).trim();
  if (text === '') problem('Text', 'is empty: a recommendation without its text is not stored');
  else if (text.length > MAX_TEXT) problem('Text', `is ${text.length} characters long (at most ${MAX_TEXT})`);
  if (text.includes('\u0000')) problem('Text', 'holds a NUL character');
  const responseCell = cell('Response').trim();
  const read = Object.hasOwn(RESPONSES, responseCell) ? RESPONSES[responseCell] : undefined;
  if (!read) problem('Response', `"${responseCell}" is not one of ${Object.keys(RESPONSES).join(', ')}`);
  const sessionCell = cell('Session').trim();
  const session = /^[0-9]{1,3}$/.test(sessionCell) && Number(sessionCell) >= 1 ? Number(sessionCell) : null;
  if (session === null) problem('Session', `"${sessionCell}" is not a UPR session number`);
  const actionCell = cell('Action').trim();
  const action = actionCell === '' ? null : /^[1-5]$/.test(actionCell) ? Number(actionCell) : undefined;
  if (action === undefined) problem('Action', `"${actionCell}" is not one of UPR Info's action categories 1 to 5`);
  const toName = decodeCharacterReferences(cell('To')).trim();
  const to = context.names.resolve(toName);
  if (to.kind !== 'state') problem('To', to.kind === 'unknown' ? to.reason : `"${toName}" is not a State: a recommendation is addressed to a State`);
  const fromName = decodeCharacterReferences(cell('From')).trim();
  const from = fromName === '' ? null : context.names.resolve(fromName);
  if (from === null) problem('From', 'is empty: the source names who made each recommendation');
  else if (from.kind === 'unknown') problem('From', from.reason);
  if (problems.length > 0 || !read || session === null || to.kind !== 'state' || from === null) return { ok: false, problems };
  const known = context.sessions.get(session);
  const key = contentKey([read.kind, 'UPR', to.iso3, session, fromName, sameText(text), responseCell]);
  return {
    ok: true,
    row: {
      key,
      source_row: row,
      kind: read.kind,
      mechanism: 'UPR',
      state_iso3: to.iso3,
      state_group: decodeCharacterReferences(cell('To-Rgrp')).trim() || null,
      state_orgs: JSON.stringify(listOf(cell('To-Org'))),
      recommender_iso3: from.kind === 'state' ? from.iso3 : null,
      recommender_name: fromName,
      recommender_group: decodeCharacterReferences(cell('From-Rgrp')).trim() || null,
      recommender_orgs: JSON.stringify(listOf(cell('From-Org'))),
      cycle: known?.cycle ?? null,
      session,
      date: known?.date ?? null,
      sort_date: known?.date ?? '',
      document_symbol: null,
      text,
      text_lang: 'en',
      response: read.response,
      response_source: responseCell,
      action_category: action ?? null,
      themes_source: JSON.stringify(listOf(cell('Issue'))),
      group_key: contentKey(['UPR', to.iso3, session, sameText(text)]),
      search_text: searchTextOf(text),
    },
  };
}
