// A fact's sources, on demand: a disclosure that opens to the list of sources with their links.
import type { Source } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Only web addresses become links: a source can never run script in the page. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function Sources({ sources, verified = true }: { sources: Source[]; verified?: boolean }) {
  const { t, date } = useI18n();
  return (
    <span className="sources">
      {!verified && <span className="badge unverified">{t('fact.unverified')}</span>}
      {sources.length > 0 && (
        <details>
          <summary>{t('fact.sources', { count: sources.length })}</summary>
          <ul>
            {sources.map((s) => (
              <li key={s.url + s.title}>
                {isWebAddress(s.url) ? (
                  <a href={s.url} rel="noopener noreferrer" target="_blank">
                    {s.title}
                  </a>
                ) : (
                  <span>{s.title}</span>
                )}{' '}
                <span className="muted">{t('fact.retrieved', { date: date(s.retrieved) })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </span>
  );
}

export { sourcesText } from '../../../src/shared/sources-text.ts';

export function uniqueSources(sources: Source[]): Source[] {
  return [...new Map(sources.map((s) => [s.url + s.title, s])).values()];
}
