// Valid write requests on events of the technical-cooperation programme, for the tests that walk
// every write route (authorization matrix, audit records, properties): an OHCHR training course
// in Nairobi with its source, its counts, a participant and a follow-up action.
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';

export const EVENT_SOURCE = { title: 'OHCHR, country page of Kenya', url: 'https://www.ohchr.org/en/countries/kenya', kind: 'official' as const, retrieved: '2026-01-15' };

export const newSeries = (id: string) => ({ id, kind: 'national-training-course', title: `Training courses for government personnel (${id})`, source: EVENT_SOURCE });

export const newEventBody = (id: string) => ({
  id,
  kind: 'national-training-course',
  title: 'National training course on treaty reporting',
  start: '2026-03-10',
  end: '2026-03-12',
  city: 'Nairobi',
  country: 'KEN',
  source: EVENT_SOURCE,
});

export const ORGANIZERS = { organizers: [{ role: 'host', name: 'Government of Kenya', stateIso3: 'KEN' }], source: EVENT_SOURCE };
export const COUNTS = { counts: [{ country: 'KEN', institution: 'government', gender: 'women', headcount: 12 }], source: EVENT_SOURCE };
export const PARTICIPANT = { name: 'A participant of the test', country: 'KEN', institution: 'government', gender: 'women' };
export const ACTION = { description: 'Send the report to the participants', owner: 'OHCHR', due: '2026-04-01' };

async function made(t: TestApp, admin: Record<string, string>, path: string, body: unknown): Promise<string> {
  const answer = await ask(t, 'POST', path, admin, body);
  if (answer.status !== 200) throw new Error(`POST ${path}: ${answer.status} ${answer.text}`);
  return String(answer.body.id);
}

/** Enters an event as the administrator; its id. */
export const makeEvent = (t: TestApp, admin: Record<string, string>, id: string) => made(t, admin, '/api/v1/events', newEventBody(id));
export const makeSeries = (t: TestApp, admin: Record<string, string>, id: string) => made(t, admin, '/api/v1/event-series', newSeries(id));
export const makeParticipant = (t: TestApp, admin: Record<string, string>, eventId: string) => made(t, admin, `/api/v1/events/${eventId}/participants`, PARTICIPANT);
export const makeAction = (t: TestApp, admin: Record<string, string>, eventId: string) => made(t, admin, `/api/v1/events/${eventId}/actions`, ACTION);
