// Valid write requests on exchanges between UN bodies and regional organizations, for the tests
// that walk every write route (authorization matrix, audit records, properties): a consultation
// of OHCHR with the African Union, with its source.
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';

export const EXCHANGE_SOURCE = { title: 'OHCHR, regional office for East Africa', url: 'https://www.ohchr.org/en/countries/kenya', kind: 'official' as const, retrieved: '2026-01-15' };

export const newExchangeSeries = (id: string) => ({ id, title: `Annual consultations of OHCHR and the AU (${id})`, source: EXCHANGE_SOURCE });

export const newExchangeBody = (id: string) => ({
  id,
  kind: 'consultation',
  title: 'Consultation of OHCHR and the African Union Commission',
  start: '2026-03-10',
  end: '2026-03-11',
  city: 'Addis Ababa',
  country: 'ETH',
  parties: [
    { side: 'un', unBody: 'ohchr' },
    { side: 'regional', organizationId: 'au' },
  ],
  source: EXCHANGE_SOURCE,
});

async function made(t: TestApp, admin: Record<string, string>, path: string, body: unknown): Promise<string> {
  const answer = await ask(t, 'POST', path, admin, body);
  if (answer.status !== 200) throw new Error(`POST ${path}: ${answer.status} ${answer.text}`);
  return String(answer.body.id);
}

/** Enters an exchange as the administrator; its id. */
export const makeExchange = (t: TestApp, admin: Record<string, string>, id: string) => made(t, admin, '/api/v1/exchanges', newExchangeBody(id));
export const makeExchangeSeries = (t: TestApp, admin: Record<string, string>, id: string) => made(t, admin, '/api/v1/exchange-series', newExchangeSeries(id));
