// Every match of the search as a file: plain links to the API's streamed exports (CSV, JSON Lines,
// XLSX), with the search's words, filters and order, so that the browser saves the file as the
// server writes it, with no cap, instead of the page fetching every row.
import { apiUrl } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'jsonl', label: 'JSON Lines' },
] as const;

export function ExportLinks({ params, total }: { params: Record<string, string>; total: number }) {
  const { t, lang } = useI18n();
  return (
    <p className="rec-export small">
      {t('rec.export.lead', { count: total })}{' '}
      {FORMATS.map(({ format, label }, i) => (
        <span key={format}>
          {i > 0 && ' · '}
          {/* The accessible name begins with the visible format (WCAG 2.5.3), then says what is downloaded. */}
          <a href={apiUrl(`/recommendations/export/${format}`, { ...params, lang })} download aria-label={`${label}: ${t('rec.export.what')}`} data-format={format}>
            {label}
          </a>
        </span>
      ))}
    </p>
  );
}
