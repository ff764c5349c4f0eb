// The lists most pages need, loaded once per language (and date) and shared through useApi's memory.
import { useMemo } from 'react';
import { getAll, getJson } from './client.ts';
import type { Coverage, Instrument, Mechanism, Organization, Presence, StateSummary } from './types.ts';
import { useApi } from './useApi.ts';

export const useStates = (lang: string) => useApi(`states|${lang}`, (signal) => getAll<StateSummary>('/states', { lang }, signal));
export const useOrganizations = (lang: string, asOf: string) =>
  useApi(`organizations|${lang}|${asOf}`, (signal) => getAll<Organization>('/organizations', { lang, asOf }, signal), { subject: `organizations|${lang}` });
export const useInstruments = (lang: string) => useApi(`instruments|${lang}`, (signal) => getAll<Instrument>('/instruments', { lang }, signal));
export const useMechanisms = (lang: string) => useApi(`mechanisms|${lang}`, (signal) => getAll<Mechanism>('/mechanisms', { lang }, signal));
/** The presences with the States each covers at the date. */
export const usePresences = (lang: string, asOf: string) => useApi(`presences|${lang}|${asOf}`, (signal) => getAll<Presence>('/presences', { lang, asOf }, signal), { subject: `presences|${lang}` });
export const useCoverage = (asOf: string) => useApi(`coverage|${asOf}`, (signal) => getJson<Coverage>('/coverage', { asOf }, signal), { subject: 'coverage' });

/** Waits for several loads at once: the data when all are there, else the first error. The
 *  array keeps its identity while the answers do, so pages can memoize what they derive. */
export function useAll<T extends unknown[]>(...loads: { [K in keyof T]: { data: T[K] | undefined; error: Error | undefined; retry: () => void } }) {
  const error = loads.find((l) => l.error)?.error;
  const ready = loads.every((l) => l.data !== undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one dependency per load's data, a fixed number at each call site
  const data = useMemo(() => (ready ? (loads.map((l) => l.data) as T) : undefined), [ready, ...loads.map((l) => l.data)]);
  const retry = () => {
    for (const l of loads) if (l.error) l.retry();
  };
  return { data, error, loading: !data && !error, retry };
}
