// Fictional fixtures of the technical-cooperation programme: a funding agreement, a project with
// every kind of part, exchange rates. Nothing here describes a real project, agreement or rate;
// each source says so.
import { readFileSync } from 'node:fs';
import { type Answer, ask } from './askers.ts';
import type { TestApp } from './app.ts';

export const FICTIONAL_SOURCE = {
  title: 'Fictional test fixture (not a real document)',
  url: 'https://example.org/accord-test-fixture',
  kind: 'secondary',
  retrieved: '2025-01-15',
} as const;

export const AGREEMENT = {
  id: 'test-agreement',
  title: 'Fictional agreement with a donor for testing',
  reference: 'TEST/2024/001',
  donorName: 'Fictional Donor Fund',
  donorRef: 'XM-TEST-1',
  donorType: '40',
  signed: '2024-02-01',
  startDate: '2024-03-01',
  endDate: '2026-02-28',
  amount: '1250000.00',
  currency: 'EUR',
  source: FICTIONAL_SOURCE,
};

export const PROJECT = {
  id: 'test-project',
  title: 'Fictional capacity-building project for testing',
  objectives: 'To test the write path of projects.',
  status: 'implementation',
  regionCode: '142',
  plannedStart: '2024-03-01',
  plannedEnd: '2025-12-31',
  actualStart: '2024-04',
  defaultCurrency: 'EUR',
  iatiIdentifier: 'XM-TEST-1-P001',
  countries: [
    { iso3: 'KHM', percentage: '60' },
    { iso3: 'LAO', percentage: '40' },
  ],
  organizations: [
    { role: 'implementing', name: 'Fictional Implementing Office', ref: 'XM-TEST-2' },
    { role: 'funding', name: 'Fictional Donor Fund', ref: 'XM-TEST-1', type: '40' },
  ],
  budget: [
    { periodStart: '2024-03-01', periodEnd: '2025-02-28', amount: '0.1', currency: 'EUR', fundingSource: 'donor-agreement', agreementId: 'test-agreement', status: 'committed' },
    { periodStart: '2025-03-01', periodEnd: '2025-12-31', amount: '0.2', currency: 'EUR', fundingSource: 'donor-agreement', agreementId: 'test-agreement' },
    { periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '1000.00', currency: 'USD', fundingSource: 'regular-budget' },
    { periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '500', currency: 'CHF', fundingSource: 'voluntary-contributions' },
  ],
  transactions: [
    { type: 'disbursement', date: '2024-05-02', amount: '250.50', currency: 'USD', fundingSource: 'regular-budget', receiver: 'Fictional Implementing Office' },
    { type: 'commitment', date: '2024-03-05', amount: '0.3', currency: 'EUR', fundingSource: 'donor-agreement', agreementId: 'test-agreement' },
  ],
  results: [
    {
      type: 'output',
      title: 'Officials trained (fictional)',
      indicators: [{ title: 'Number of officials trained', measure: 'unit', baselineYear: 2024, baselineValue: '0', targetValue: '120', actualValue: '45', actualDate: '2024-12-31' }],
    },
  ],
  source: FICTIONAL_SOURCE,
};

export async function made(answer: Answer | Promise<Answer>): Promise<Answer> {
  const a = await answer;
  if (a.status !== 200) throw new Error(`expected 200, got ${a.status}: ${a.text}`);
  return a;
}

/** The version of a record as the administrator reads it, as If-Match. */
export async function versionOf(t: TestApp, headers: Record<string, string>, path: string): Promise<string> {
  const a = await made(ask(t, 'GET', path, headers));
  return `"v${a.body.version}"`;
}

export function rate(currency: string, base: string, value: string, asOf: string) {
  return { currency, base, rate: value, asOf, source: { ...FICTIONAL_SOURCE, title: `Fictional rate ${currency}/${base} for testing` } };
}

let drawn = 0;

/** A new fictional project (public), entered by `headers`; its id. */
export async function newProject(t: TestApp, headers: Record<string, string>, id = `test-project-${++drawn}`): Promise<string> {
  await made(ask(t, 'POST', '/api/v1/projects', headers, { id, title: `Fictional project ${id}`, status: 'pipeline', countries: [{ iso3: 'KEN' }], source: FICTIONAL_SOURCE }));
  return id;
}

/** A new fictional funding agreement; its id. */
export async function newAgreement(t: TestApp, headers: Record<string, string>, id = `test-agreement-${++drawn}`): Promise<string> {
  await made(ask(t, 'POST', '/api/v1/funding-agreements', headers, { ...AGREEMENT, id }));
  return id;
}

/** A new fictional rate of CHF in USD, on a day no other call of this run took; its id. */
export async function newRate(t: TestApp, headers: Record<string, string>): Promise<string> {
  drawn += 1;
  const day = new Date(Date.UTC(2000, 0, 1) + drawn * 86_400_000).toISOString().slice(0, 10);
  return (await made(ask(t, 'POST', '/api/v1/exchange-rates', headers, rate('CHF', 'USD', '1.1', day)))).body.id;
}

/** An IATI activity file of one made-up activity (test/fixtures/iati), for the upload route. */
export const IATI_FILE = readFileSync(new URL('../fixtures/iati/ohchr-human-rights-activity.xml', import.meta.url), 'utf8');
/** The same file, one code of which is not in its codelist: refused whole (422). */
export const IATI_FILE_REFUSED = IATI_FILE.replace('<activity-status code="2"/>', '<activity-status code="9"/>');
export const IATI_UPLOAD_PATH = '/api/v1/iati/activities?filename=ohchr.xml&sourceUrl=https%3A%2F%2Fexample.org%2Fiati%2Fohchr.xml&fundingSource=voluntary-contributions';
/** The asker's headers with the file's content type. */
export const asXml = (headers: Record<string, string>) => ({ ...headers, 'Content-Type': 'application/xml' });
