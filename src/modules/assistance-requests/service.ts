// Requests as the read API shows them: the State's name in the asked language, whether the
// request is overdue, its steps, what the workflow allows next, its links and documents (those
// the reader may see), and its sources. Who recorded a step is shown to OHCHR only.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today } from '../../shared/dates.ts';
import type { Lang } from '../../shared/text.ts';
import { REQUEST_TRANSITIONS, type RequestStatus } from '../../shared/vocabularies.ts';
import { partsView } from '../cooperation/parts.ts';
import { accessView } from '../edits/access.ts';
import { correctionViews } from '../edits/corrections.ts';
import { namesOf } from '../names/repository.ts';
import { loadSourcesOf } from '../sources/repository.ts';
import { resolveSources } from '../sources/service.ts';
import { REQUEST_FIELDS } from './fields.ts';
import { findRequest, listRequests, type RequestFilter, type RequestRow, stepsOf } from './repository.ts';
import type { RequestSummary, RequestView } from './schema.ts';

const CLOSED: readonly RequestStatus[] = ['declined', 'answered', 'closed'];

/** Due before today and still waiting for an answer. */
export function isOverdue(row: { status: string; due: string | null }, on = today()): boolean {
  return row.due !== null && row.due < on && !CLOSED.includes(row.status as RequestStatus);
}

function summary(row: RequestRow, stateName: string): RequestSummary {
  return {
    id: row.id,
    state: row.state_iso3,
    stateName,
    authority: row.authority,
    received: row.received,
    subject: row.subject,
    status: row.status as RequestStatus,
    statusDate: row.status_date,
    due: row.due,
    overdue: isOverdue(row),
    confidentiality: row.confidentiality,
  };
}

export async function listRequestSummaries(db: Kysely<Database>, filter: RequestFilter & { overdue?: boolean }, lang: Lang): Promise<RequestSummary[]> {
  const [rows, names] = await Promise.all([listRequests(db, filter), namesOf(db, 'state', lang)]);
  const picked = filter.overdue === undefined ? rows : rows.filter((r) => isOverdue(r) === filter.overdue);
  return picked.map((r) => summary(r, names.get(r.state_iso3)?.name ?? r.state_iso3));
}

export async function requestView(db: Kysely<Database>, id: string, lang: Lang, options: { showActors?: boolean } = {}): Promise<RequestView | undefined> {
  const row = await findRequest(db, id);
  if (!row) return undefined;
  const [names, steps, parts] = await Promise.all([namesOf(db, 'state', lang), stepsOf(db, id), partsView(db, 'request', id)]);
  const sourceIds = JSON.parse(row.sources) as string[];
  const sources = await loadSourcesOf(db, sourceIds);
  return {
    ...summary(row, names.get(row.state_iso3)?.name ?? row.state_iso3),
    steps: steps.map((s) => ({
      status: s.status as RequestStatus,
      date: s.date,
      reason: s.reason,
      recordedBy: options.showActors ? s.recorded_by : null,
      recordedAt: s.recorded_at,
    })),
    next: [...REQUEST_TRANSITIONS[row.status as RequestStatus]],
    ...parts,
    sources: resolveSources(sourceIds, sources).sources,
    version: row.row_version,
    origin: row.origin as 'reference' | 'user',
    corrections: correctionViews(row, REQUEST_FIELDS, sources),
    ...accessView(row),
  };
}
