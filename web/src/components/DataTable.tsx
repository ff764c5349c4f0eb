// The one table every list uses: caption, filter, sortable columns, pages, and CSV/JSON export
// of every row that passes the filter, in the order shown, with its sources.
import { useMemo, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { downloadCsv, downloadJson, type ExportRow } from './download.ts';
import { useTableState } from './useTableState.ts';

export interface Column<T> {
  /** Stable, English: the CSV header and JSON key of the column. */
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Value used to sort and to export; a column without one is neither sortable nor exported. */
  value?: (row: T) => string | number | boolean | null;
  numeric?: boolean;
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** File name of exports, without extension. */
  exportName: string;
  /** Extra fields of each exported row (sources, codes...) that the table does not show. */
  exportExtra?: (row: T) => ExportRow;
  /** Words about the data written into the JSON export (date, language...). */
  exportAbout?: Record<string, string>;
  /** The column sorted first; null keeps the rows in the order given (e.g. by relevance). */
  initialSort?: { id: string; descending?: boolean } | null;
  pageSize?: number;
  /** Filters of the page itself, shown beside the text filter. */
  controls?: ReactNode;
  empty?: string;
  /** Keeps filter, sort and page in the address under this name (one per table on a page). */
  urlKey?: string;
}

const PAGE_SIZES = [25, 50, 100, 250];

export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowKey, caption } = props;
  const { t, lang } = useI18n();
  const initialSort = props.initialSort === null ? { id: '', descending: false } : { id: props.initialSort?.id ?? columns[0]!.id, descending: props.initialSort?.descending ?? false };
  const [{ filter, sort, page, pageSize }, update] = useTableState(props.urlKey, { filter: '', sort: initialSort, page: 0, pageSize: props.pageSize ?? 50 });
  const setPage = (value: number) => update({ page: value });

  const collator = useMemo(() => new Intl.Collator(lang, { numeric: true, sensitivity: 'base' }), [lang]);
  const exported = columns.filter((c) => c.value);

  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase(lang);
    const matching = needle
      ? rows.filter((row) =>
          exported.some((c) =>
            String(c.value!(row) ?? '')
              .toLocaleLowerCase(lang)
              .includes(needle),
          ),
        )
      : rows;
    const column = columns.find((c) => c.id === sort.id);
    if (!column?.value) return matching;
    const sign = sort.descending ? -1 : 1;
    return [...matching].sort((a, b) => {
      const x = column.value!(a);
      const y = column.value!(b);
      if (x === y) return 0;
      if (x === null || x === '') return 1; // blanks last, either way
      if (y === null || y === '') return -1;
      if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
      return sign * collator.compare(String(x), String(y));
    });
  }, [rows, filter, sort, columns, exported, collator, lang]);

  const pages = Math.max(1, Math.ceil(visible.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = visible.slice(current * pageSize, (current + 1) * pageSize);

  const exportRows = (): ExportRow[] => visible.map((row) => ({ ...Object.fromEntries(exported.map((c) => [c.id, c.value!(row)])), ...(props.exportExtra?.(row) ?? {}) }));
  const exportColumns = (): string[] => {
    const first = exportRows()[0];
    return first ? Object.keys(first) : exported.map((c) => c.id);
  };

  const toggleSort = (id: string) => update({ sort: sort.id === id ? { id, descending: !sort.descending } : { id, descending: false }, page: 0 });

  return (
    <div className="data-table">
      <div className="table-tools">
        <label className="field">
          <span>{t('table.filter')}</span>
          <input type="search" value={filter} onChange={(e) => update({ filter: e.target.value, page: 0 })} />
        </label>
        {props.controls}
        {/* biome-ignore lint/a11y/useSemanticElements: a labelled pair of buttons, not form fields: a fieldset would need a legend */}
        <div className="export" role="group" aria-label={t('table.export')}>
          <button type="button" onClick={() => downloadCsv(props.exportName, exportColumns(), exportRows())} disabled={visible.length === 0}>
            {t('table.csv')}
          </button>
          <button
            type="button"
            onClick={() => downloadJson(props.exportName, exportRows(), { title: caption, language: lang, exported: new Date().toISOString(), ...(props.exportAbout ?? {}) })}
            disabled={visible.length === 0}
          >
            {t('table.json')}
          </button>
        </div>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls the table, focusable so a keyboard can scroll it */}
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption>
            {caption} <span className="muted">({t('table.rows', { count: visible.length })})</span>
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={c.numeric ? 'numeric' : undefined} aria-sort={sort.id === c.id ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  {c.value ? (
                    <button type="button" className="sort" onClick={() => toggleSort(c.id)}>
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {sort.id === c.id ? (sort.descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.id} className={c.numeric ? 'numeric' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {filter ? t('table.noMatch') : (props.empty ?? t('status.empty'))}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('table.pages')}>
        {/* aria-disabled rather than disabled: a button that becomes unusable keeps the focus,
            so a keyboard user paging to the end is not thrown back to the top of the page. */}
        {pages > 1 && (
          <button type="button" aria-disabled={current === 0} onClick={() => current > 0 && setPage(current - 1)}>
            {t('table.previous')}
          </button>
        )}
        <span className="range">
          {t('table.range', {
            from: visible.length === 0 ? 0 : current * pageSize + 1,
            to: Math.min(visible.length, (current + 1) * pageSize),
            total: visible.length,
          })}
        </span>
        {pages > 1 && (
          <button type="button" aria-disabled={current >= pages - 1} onClick={() => current < pages - 1 && setPage(current + 1)}>
            {t('table.next')}
          </button>
        )}
        {visible.length > PAGE_SIZES[0]! && (
          <label className="field inline">
            <span>{t('table.perPage')}</span>
            <select value={pageSize} onChange={(e) => update({ pageSize: Number(e.target.value), page: 0 })}>
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
      </nav>
    </div>
  );
}
