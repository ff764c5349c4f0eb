// How a recommendation's values are shown: the response and the kind in the page's language; the
// source's own tags (themes, organizations, regional groups as UPR Info codes them) as written,
// in English, marked as such so that they are read out in English and laid out apart in Arabic.
import type { ReactNode } from 'react';
import type { Recommendation } from '../../api/types.ts';
import { isWebAddress, Sources, uniqueSources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Text of the source, in the source's language (English): its own tags and codes. */
export function AsWritten({ children }: { children: ReactNode }) {
  return (
    <span lang="en" dir="ltr">
      {children}
    </span>
  );
}

export function ResponseBadge({ response }: { response: Recommendation['response'] }) {
  const { t } = useI18n();
  if (response === null) return <span className="badge response none">{t('rec.response.none')}</span>;
  return (
    <span className="badge response" data-response={response}>
      {t(`rec.response.${response}`)}
    </span>
  );
}

export function Themes({ themes }: { themes: string[] }) {
  const { t } = useI18n();
  if (themes.length === 0) return null;
  return (
    <ul className="tags" aria-label={t('rec.themes')}>
      {themes.map((theme) => (
        <li key={theme} className="tag" lang="en" dir="ltr">
          {theme}
        </li>
      ))}
    </ul>
  );
}

/** "Session 18, cycle 2, 2014", leaving out what is not known. */
export function sessionText(t: (key: string, vars?: Record<string, string | number>) => string, date: (value: string | null) => string, r: Pick<Recommendation, 'session' | 'cycle' | 'date'>): string {
  return [r.session !== null && t('rec.session', { session: r.session }), r.cycle !== null && t('rec.cycle', { cycle: r.cycle }), r.date && date(r.date)]
    .filter((p): p is string => Boolean(p))
    .join(', ');
}

/** Where the rows shown come from, with their kind of source: UPR Info's database (a secondary
 *  source) for everything imported so far, and the exports they were read from. */
export function DataSource({ rows }: { rows: Pick<Recommendation, 'dataset' | 'source'>[] }) {
  const { t } = useI18n();
  const unique = uniqueSources(rows.flatMap((r) => (r.source ? [r.source] : [])));
  if (unique.length === 0) return null;
  const kinds = [...new Set(unique.map((s) => s.kind).filter((k) => k !== null))].map((k) => t(`source.kind.${k}`));
  const uprInfo = rows.every((r) => r.dataset.startsWith('upr-info:'));
  const address = unique.map((s) => s.url).find((url) => isWebAddress(url)) ?? '';
  return (
    <p className="rec-source">
      {uprInfo ? (
        <>
          {t('rec.dataFrom')}{' '}
          {isWebAddress(address) ? (
            <a href={address} rel="noopener noreferrer" target="_blank">
              {t('rec.dataName')}
            </a>
          ) : (
            t('rec.dataName')
          )}
          {kinds.length > 0 && ` (${kinds.join(', ')})`}. {t('rec.dataCaveat')}
        </>
      ) : (
        t('rec.dataOther')
      )}{' '}
      <Sources sources={unique} />
    </p>
  );
}
