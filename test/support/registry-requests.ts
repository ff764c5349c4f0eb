// Valid write requests on records of the African Union, for the tests that walk every write
// route (authorization matrix, audit records, properties): each fact is a real one, with its
// source. Versions are read through the API just before each write (If-Match).
import { ask, type Answer } from './askers.ts';
import type { TestApp } from './app.ts';

/** The AU's own list of its treaties (official). */
export const AU_TREATIES = { title: 'African Union: OAU/AU treaties, conventions, protocols and charters', url: 'https://au.int/en/treaties', kind: 'official' as const, retrieved: '2026-01-15' };
/** The AU status list of the African Charter (a shipped source: Kenya deposited on 10 February 1992). */
export const ACHPR_STATUS_LIST = 'parties-gh-attpv2-achpr';
/** COW IGO membership codes (a shipped source: Kenya in the OAU from 1963). */
export const COW_IGO = 'org-afr-cow-igo-v3';

/** Kenya's ratification of the African Charter, as the AU status list gives its deposit. */
export const KENYA_RATIFIES_ACHPR = { instrument: 'ACHPR', participant: 'KEN', kind: 'ratification', date: '1992-02-10', source: ACHPR_STATUS_LIST };
/** Kenya joined the OAU in 1963, after its independence on 12 December (COW gives the year). */
export const KENYA_JOINS_AU = { iso3: 'KEN', event: 'joined', date: '1963', note: 'OAU; year only (COW IGO codes)', source: COW_IGO };

/** Instruments of the AU (not in the shipped registry), one per creating asker. */
export const AU_INSTRUMENTS = [
  {
    code: 'ACDEG',
    title: { en: 'African Charter on Democracy, Elections and Governance' },
    kind: 'charter',
    binding: true,
    system: 'regional',
    organizationId: 'au',
    adopted: '2007-01-30',
    adoptedPlace: 'Addis Ababa',
    entryIntoForce: '2012-02-15',
    source: AU_TREATIES,
  },
  {
    code: 'AUCPCC',
    title: { en: 'African Union Convention on Preventing and Combating Corruption' },
    kind: 'convention',
    binding: true,
    system: 'regional',
    organizationId: 'au',
    adopted: '2003-07-11',
    adoptedPlace: 'Maputo',
    entryIntoForce: '2006-08-05',
    source: AU_TREATIES,
  },
  {
    code: 'AYC',
    title: { en: 'African Youth Charter' },
    kind: 'charter',
    binding: true,
    system: 'regional',
    organizationId: 'au',
    adopted: '2006-07-02',
    adoptedPlace: 'Banjul',
    entryIntoForce: '2009-08-08',
    source: AU_TREATIES,
  },
] as const;

/** Mechanisms of the AU (not in the shipped registry). */
export const AU_MECHANISMS = [
  {
    code: 'APRM',
    name: { en: 'African Peer Review Mechanism' },
    kind: 'review',
    system: 'regional',
    organizationId: 'au',
    seatCity: 'Midrand',
    seatIso3: 'ZAF',
    established: '2003',
    individualComplaints: false,
    coverageBasis: 'membership',
    coverageOrganization: 'au',
    source: AU_TREATIES,
  },
  {
    code: 'AUABC',
    name: { en: 'African Union Advisory Board on Corruption' },
    kind: 'commission',
    system: 'regional',
    organizationId: 'au',
    seatCity: 'Arusha',
    seatIso3: 'TZA',
    individualComplaints: false,
    coverageBasis: 'party',
    coverageInstruments: ['AUCPCC'],
    source: AU_TREATIES,
  },
] as const;

/** The record's version as the administrator reads it, as an If-Match value. */
export async function ifMatch(t: TestApp, admin: Record<string, string>, path: string, pick: (body: any) => number = (b) => b.version): Promise<string> {
  const read = await ask(t, 'GET', path, admin);
  if (read.status !== 200) throw new Error(`reading ${path} for its version: ${read.status} ${read.text.slice(0, 200)}`);
  return `"v${pick(read.body)}"`;
}

/** The If-Match of a membership event, from the organization's member history. */
export function eventIfMatch(t: TestApp, admin: Record<string, string>, organization: string, iso3: string, seq: number): Promise<string> {
  return ifMatch(t, admin, `/api/v1/organizations/${organization}/history?limit=1000`, (b) => b.items.find((m: any) => m.iso3 === iso3).events.find((e: any) => e.seq === seq).version);
}

/** Enters a membership event as the administrator; its seq. */
export async function newEvent(t: TestApp, admin: Record<string, string>): Promise<number> {
  const made: Answer = await ask(t, 'POST', '/api/v1/organizations/au/membership-events', admin, KENYA_JOINS_AU);
  if (made.status !== 200) throw new Error(`entering an event: ${made.status} ${made.text}`);
  return Number(String(made.body.id).split('/')[2]);
}

/** Enters Kenya's ratification of the African Charter as the administrator; its seq. */
export async function newAct(t: TestApp, admin: Record<string, string>): Promise<number> {
  const made = await ask(t, 'POST', '/api/v1/treaty-actions', admin, KENYA_RATIFIES_ACHPR);
  if (made.status !== 200) throw new Error(`entering an act: ${made.status} ${made.text}`);
  return Number(String(made.body.id).split('/')[1]);
}
