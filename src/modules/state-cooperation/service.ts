// A State's cooperation history: its requests, the projects in it, the events it hosted or sent
// participants to, the presences that covered it and when, and the recommendations those
// records answer. Every record is read through the asker's view, so each list holds only what
// the asker may see; a link from a record they may not see is never read.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { ConfidentialityLevel, EventKind, PresenceKind, ProjectStatus } from '../../shared/vocabularies.ts';
import { listRequestSummaries } from '../assistance-requests/service.ts';
import { namesOf } from '../names/repository.ts';
import { findState } from '../states/repository.ts';
import { coverageOf, eventsOf, projectsIn, recommendationsLinkedFrom } from './repository.ts';
import type { StateCooperation } from './schema.ts';

export async function stateCooperation(db: Kysely<Database>, code: string, lang: Lang): Promise<StateCooperation> {
  const state = await findState(db, code);
  if (!state) throw new NotFoundError('State', code);
  const iso3 = state.iso3;
  const [requests, projects, events, periods, stateNames, presenceNames] = await Promise.all([
    listRequestSummaries(db, { state: iso3 }, lang),
    projectsIn(db, iso3),
    eventsOf(db, iso3),
    coverageOf(db, iso3),
    namesOf(db, 'state', lang),
    namesOf(db, 'presence', lang),
  ]);
  const links = await recommendationsLinkedFrom(db, [
    { kind: 'request', ids: requests.map((r) => r.id) },
    { kind: 'project', ids: projects.map((p) => p.id) },
    { kind: 'event', ids: events.map((e) => e.id) },
  ]);
  const recommendations = new Map<string, StateCooperation['recommendations'][number]>();
  for (const l of links) {
    const entry = recommendations.get(l.id) ?? { id: l.id, state: l.state_iso3, date: l.date, mechanism: l.mechanism, text: l.text, textLang: l.text_lang, answeredBy: [] };
    if (!entry.answeredBy.some((a) => a.kind === l.from_kind && a.id === l.from_id)) entry.answeredBy.push({ kind: l.from_kind as 'request' | 'project' | 'event', id: l.from_id });
    recommendations.set(l.id, entry);
  }
  return {
    iso3,
    name: stateNames.get(iso3)?.name ?? iso3,
    requests,
    projects: projects.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status as ProjectStatus,
      start: p.actual_start ?? p.planned_start,
      end: p.actual_end ?? p.planned_end,
      percentage: p.percentage,
      confidentiality: p.confidentiality as ConfidentialityLevel,
    })),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind as EventKind,
      start: e.start_date,
      end: e.end_date,
      city: e.city,
      country: e.country_iso3,
      hosted: e.country_iso3 === iso3,
      participantsFromState: e.headcount === null || e.headcount === undefined ? null : Number(e.headcount),
      confidentiality: e.confidentiality as ConfidentialityLevel,
    })),
    presences: periods.map((p) => ({ id: p.id, name: presenceNames.get(p.id)?.name ?? p.id, kind: p.kind as PresenceKind, seq: p.seq, from: p.from_date, until: p.until_date })),
    recommendations: [...recommendations.values()],
  };
}
