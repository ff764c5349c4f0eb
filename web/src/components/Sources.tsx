// A fact's sources, on demand: a disclosure that opens to the list of sources, each with its
// kind (official, secondary, tertiary), the date it speaks for, what it is a copy of, and the
// day it was consulted. Titles are in English whatever the page's language: marked lang="en"
// and dir="ltr", so that they are read out in English and laid out on their own in Arabic.
import type { Source } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { isWebAddress } from '../../../src/shared/source-address.ts';

/** Only web addresses (http, https) become links, by the rule the server checks addresses with:
 *  a source can never run script in the page. Anything else (a UN document symbol) is text. */
export { isWebAddress };

/** A source's title: a link for a web address; otherwise text, with its address (a document symbol, a path of the repository). */
export function SourceTitle({ source }: { source: Pick<Source, 'title' | 'url'> }) {
  if (isWebAddress(source.url)) {
    return (
      <a href={source.url} rel="noopener noreferrer" target="_blank" lang="en" dir="ltr">
        {source.title}
      </a>
    );
  }
  return (
    <>
      <span lang="en" dir="ltr">
        {source.title}
      </span>
      {source.url && (
        <>
          {' '}
          <bdi className="url">{source.url}</bdi>
        </>
      )}
    </>
  );
}

/** "official · as at 3 February 2026 · copy of … · consulted 27 November 2026", leaving out what is not known. */
export function SourceFacts({ source }: { source: Source }) {
  const { t, date } = useI18n();
  const parts = [
    source.kind && t(`source.kind.${source.kind}`),
    source.asOf && t('source.asOf', { date: date(source.asOf) }),
    source.retrieved && t('fact.retrieved', { date: date(source.retrieved) }),
  ].filter((p): p is string => Boolean(p));
  return (
    <span className="muted">
      {parts.join(' · ')}
      {source.copyOf && (
        <>
          {parts.length > 0 && ' · '}
          {t('source.copyOf')}{' '}
          <span lang="en" dir="ltr">
            {source.copyOf}
          </span>
        </>
      )}
    </span>
  );
}

export function Sources({ sources, verified = true }: { sources: Source[]; verified?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="sources">
      {!verified && <span className="badge unverified">{t('fact.unverified')}</span>}
      {sources.length > 0 && (
        <details>
          <summary>{t('fact.sources', { count: sources.length })}</summary>
          <ul>
            {sources.map((s) => (
              <li key={s.url + s.title} data-kind={s.kind ?? undefined}>
                <SourceTitle source={s} /> <SourceFacts source={s} />
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
