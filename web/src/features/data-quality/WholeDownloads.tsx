// Downloads of whole datasets that grow with the data (every treaty action, every
// disagreement): plain links to the API's streamed exports, so that the browser saves the file
// as the server writes it, instead of the page fetching everything and building the file in
// memory. Tables export the rows they show in the browser (components/download.ts).
import { apiUrl } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const FILES = [
  { entity: 'treaty-actions', label: 'downloads.actions' },
  { entity: 'treaty-conflicts', label: 'downloads.conflicts' },
] as const;

export function WholeDownloads() {
  const { t, lang } = useI18n();
  return (
    <section id="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('downloads.title')}</h2>
      <p>{t('downloads.lead')}</p>
      <ul>
        {FILES.map(({ entity, label }) => (
          <li key={entity}>
            {t(label)}:{' '}
            {(['csv', 'json'] as const).map((format, i) => (
              <span key={format}>
                {i > 0 && ' · '}
                {/* The accessible name begins with the visible format (WCAG 2.5.3), then says what is downloaded. */}
                <a href={apiUrl(`/exports/${entity}.${format}`, { lang })} download aria-label={`${format.toUpperCase()}: ${t(label)}`}>
                  {format.toUpperCase()}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
