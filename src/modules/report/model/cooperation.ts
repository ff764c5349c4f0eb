// Cooperation with OHCHR at the report's date: States' requests (their status then, read from
// each request's dated steps), projects (totals as /project-totals computes them), events held
// during the period with their participants, and the field presences open at that date with the
// States they cover. Everything through the asker's view: a record the asker may not see is
// neither listed nor counted.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { firstDay, lastDay } from '../../../shared/dates.ts';
import type { Lang } from '../../../shared/text.ts';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/vocabularies.ts';
import { listRequests, stepsOf } from '../../assistance-requests/repository.ts';
import { eventDetail, eventPage } from '../../events/service.ts';
import { listPresenceViews } from '../../presences/service.ts';
import { visibleProjects } from '../../projects/service.ts';
import { projectTotals, type Totals } from '../../projects/totals.ts';
import { apiPath, type Figure, figure, type SourceRef, viewRefs } from './figures.ts';

const CLOSED: readonly RequestStatus[] = ['declined', 'answered', 'closed'];

export interface CooperationFacts {
  requests: {
    /** Requests received on or before the report's date. */
    total: Figure;
    /** By their status at that date (the last step dated on or before it). */
    byStatus: Record<RequestStatus, Figure>;
    /** Not declined, answered or closed at that date. */
    unanswered: Figure;
    /** Unanswered at that date and due before it. */
    overdue: Figure;
    /** The unanswered ones, for the recommendations. */
    unansweredList: { id: string; state: string; received: string; due: string | null; status: RequestStatus; overdue: boolean }[];
  };
  projects: {
    /** Every project the asker sees, whatever its dates: what /project-totals counts. */
    total: Figure;
    /** Those whose start (actual, else planned) is on or before the report's date and whose end
     *  is not before the period: the projects of the period. Dateless projects are left out. */
    runningInPeriod: Figure;
    /** The projects' budget and disbursements (up to the report's date) in `base`, as /project-totals gives them. */
    totals: Totals;
    /** Projects serving each region (their own region, or a country of it), as /project-totals?region= counts them. */
    byRegion: { region: string; projects: Figure }[];
    byCountry: Record<string, Figure>;
  };
  events: {
    /** Events held (in part) during the period. */
    total: Figure;
    participants: Figure;
    list: { id: string; kind: string; title: string; start: string; end: string | null; country: string | null; participants: number; sources: SourceRef[] }[];
  };
  presences: {
    /** OHCHR field presences open at the report's date. */
    open: Figure;
    /** States some open presence covers at that date; `uncertainStates` of them only within an imprecise start. */
    statesCovered: Figure;
    list: { id: string; name: string; kind: string; covers: string[]; uncertainStates: string[]; sources: SourceRef[] }[];
  };
}

/** A request's status at a date: its last step dated on or before it (steps are kept in the order recorded). */
function statusOn(steps: readonly { status: string; date: string }[], day: string): RequestStatus {
  const past = steps.filter((s) => s.date <= day);
  return (past.at(-1)?.status ?? 'received') as RequestStatus;
}

async function requestFacts(reader: Kysely<Database>, asOf: string): Promise<CooperationFacts['requests']> {
  const rows = await listRequests(reader, { receivedTo: asOf });
  const withStatus = await Promise.all(rows.map(async (r) => ({ r, status: statusOn(await stepsOf(reader, r.id), asOf) })));
  const unanswered = withStatus
    .filter((x) => !CLOSED.includes(x.status))
    .map(({ r, status }) => ({ id: r.id, state: r.state_iso3, received: r.received, due: r.due, status, overdue: r.due !== null && r.due < asOf }));
  const api = apiPath('/api/v1/requests', { receivedTo: asOf });
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, figure(withStatus.filter((x) => x.status === s).length, api)])) as Record<RequestStatus, Figure>;
  return {
    total: figure(rows.length, api),
    byStatus,
    unanswered: figure(unanswered.length, api),
    overdue: figure(unanswered.filter((u) => u.overdue).length, api),
    unansweredList: unanswered,
  };
}

async function projectFacts(reader: Kysely<Database>, days: { periodStart: string; asOf: string }, base: string, regions: readonly string[]): Promise<CooperationFacts['projects']> {
  const { asOf } = days;
  const options = { base, asOf, convertAt: 'asOf' as const };
  const totals = await projectTotals(reader, {}, options);
  const byRegion: CooperationFacts['projects']['byRegion'] = [];
  for (const region of regions)
    byRegion.push({ region, projects: figure((await projectTotals(reader, { region }, options)).projects, `${apiPath('/api/v1/project-totals', { region, base, asOf })}#projects`) });
  const { rows, parts } = await visibleProjects(reader, {});
  const running = rows.filter((p) => {
    const start = p.actual_start ?? p.planned_start;
    const end = p.actual_end ?? p.planned_end;
    return start !== null && firstDay(start) <= asOf && (end === null || lastDay(end) >= days.periodStart);
  });
  const byCountry: Record<string, Figure> = {};
  for (const iso3 of [...new Set(parts.countries.map((c) => c.iso3))].sort()) {
    const n = new Set(parts.countries.filter((c) => c.iso3 === iso3).map((c) => c.project_id)).size;
    byCountry[iso3] = figure(n, `${apiPath('/api/v1/project-totals', { state: iso3, base, asOf })}#projects`);
  }
  const runningInPeriod = figure(running.length, apiPath('/api/v1/projects', { sort: 'plannedStart' }));
  return { runningInPeriod, total: figure(totals.projects, `${apiPath('/api/v1/project-totals', { base, asOf })}#projects`), totals, byRegion, byCountry };
}

async function eventFacts(reader: Kysely<Database>, periodStart: string, asOf: string): Promise<CooperationFacts['events']> {
  const filter = { from: periodStart, to: asOf };
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await eventPage(reader, filter, 200, cursor);
    items.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  const list = [];
  for (const e of items) {
    const detail = await eventDetail(reader, e.id);
    list.push({ id: e.id, kind: e.kind, title: e.title, start: e.start, end: e.end, country: e.country, participants: detail.participation.total, sources: viewRefs(detail.sources) });
  }
  const api = apiPath('/api/v1/events', filter);
  const sources = list.flatMap((e) => e.sources);
  return {
    total: figure(list.length, `${api}#total`, sources),
    participants: figure(
      list.reduce((n, e) => n + e.participants, 0),
      null,
      sources,
    ),
    list,
  };
}

async function presenceFacts(reader: Kysely<Database>, asOf: string, lang: Lang): Promise<CooperationFacts['presences']> {
  const open = (await listPresenceViews(reader, lang, asOf)).filter((p) => p.open);
  const list = open.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    covers: p.covers,
    uncertainStates: [...new Set(p.coverage.filter((c) => c.uncertain).map((c) => c.iso3))],
    sources: viewRefs(p.sources),
  }));
  const api = apiPath('/api/v1/presences', { asOf });
  const sources = list.flatMap((p) => p.sources);
  return { open: figure(list.length, api, sources), statesCovered: figure(new Set(list.flatMap((p) => p.covers)).size, api, sources), list };
}

export async function cooperationFacts(
  reader: Kysely<Database>,
  days: { periodStart: string; asOf: string },
  options: { lang: Lang; base: string; regions: readonly string[] },
): Promise<CooperationFacts> {
  return {
    requests: await requestFacts(reader, days.asOf),
    projects: await projectFacts(reader, days, options.base, options.regions),
    events: await eventFacts(reader, days.periodStart, days.asOf),
    presences: await presenceFacts(reader, days.asOf, options.lang),
  };
}
