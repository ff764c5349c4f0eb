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

/** General Assembly resolution 78/235 (22 December 2023) on the Subregional Centre in Central Africa:
 *  its paragraph 8 speaks of "the Regional Representative and Director of the Centre" in Yaoundé. */
export const RES_78_235 = {
  title: 'General Assembly resolution 78/235, Subregional Centre for Human Rights and Democracy in Central Africa (22 December 2023), para. 8',
  url: 'A/RES/78/235',
  kind: 'official' as const,
  retrieved: '2026-12-07',
  asOf: '2023-12-22',
};

/** A presence of the kind regional representative, as resolution 78/235 names the post (no date given: none entered). */
export const CENTRAL_AFRICA_REPRESENTATIVE = {
  id: 'rr-central-africa',
  name: { en: 'Regional Representative and Director of the Subregional Centre for Human Rights and Democracy in Central Africa' },
  kind: 'regional-representative',
  seatCity: 'Yaoundé',
  seatIso3: 'CMR',
  source: RES_78_235,
};

/** The OHCHR Regional Office for Europe, based in Brussels since 2009, works on the EU and its
 *  member States (a shipped source): it covers Belgium from 2009. */
export const EUROPE_COVERS_BELGIUM = { iso3: 'BEL', from: '2009', note: 'EU member State; the office is based in Brussels', source: 'pres-ohchr-ro-europe-about' };

/** The North Africa office's mandate in two wordings of its shipped source (2012 in Tunis; in Beirut from April 2013). */
export const NORTH_AFRICA_MANDATES = [
  'Set up in Tunis in 2012 to support democratic institutions and governance in North Africa; from April 2013 it was temporarily located in Beirut.',
  'Set up to support democratic institutions and governance in North Africa; from April 2013 it was temporarily located in Beirut.',
] as const;
export const NORTH_AFRICA_SOURCE = 'pres-ohchr-ro-north-africa';

/** Enters that coverage period of the Regional Office for Europe as the administrator; its seq. */
export async function newPeriod(t: TestApp, admin: Record<string, string>): Promise<number> {
  const made = await ask(t, 'POST', '/api/v1/presences/ro-europe/coverage-periods', admin, EUROPE_COVERS_BELGIUM);
  if (made.status !== 200) throw new Error(`entering a coverage period: ${made.status} ${made.text}`);
  return Number(String(made.body.id).split('/')[1]);
}

/** The If-Match of a coverage period, from its presence's answer. */
export function periodIfMatch(t: TestApp, admin: Record<string, string>, presence: string, seq: number): Promise<string> {
  return ifMatch(t, admin, `/api/v1/presences/${presence}`, (b) => b.periods.find((p: any) => p.seq === seq).version);
}
