// The matrix itself: a row per State, a column per instrument, the counts of every status under
// each column (and how many parties rest on secondary sources only).
// It scrolls inside its own region (the page never scrolls sideways, even at 360 px), with the
// header row and the State column kept in view, and every link reachable by Tab.
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Instrument, StatusCounts, TreatyStatus } from '../../api/types.ts';
import { Name } from '../../components/Name.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { StatusMark } from './StatusMark.tsx';

/** A count per status under each column, and under the parties how many rest on secondary sources only. */
const COUNT_ROWS = [...TREATY_STATUSES.slice(0, 1), 'partyOnSecondary', ...TREATY_STATUSES.slice(1)] as const;

export interface MatrixRow {
  iso3: string;
  iso2: string;
  name: string;
  nameLang: string;
  /** One per column, in the order of the columns. */
  statuses: TreatyStatus[];
}

interface Props {
  caption: string;
  columns: Instrument[];
  rows: MatrixRow[];
  counts: Record<string, StatusCounts>;
}

export function MatrixTable({ caption, columns, rows, counts }: Props) {
  const { t, href, number } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls the table, focusable so a keyboard can scroll it
    <div className="matrix-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="row-head">
              {t('col.state')}
            </th>
            {columns.map((i) => (
              <th key={i.code} scope="col" className="code-head">
                <Link to={href(`/instruments/${i.code}`)} title={i.title}>
                  {i.code}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.iso3} data-iso3={r.iso3}>
              <th scope="row" className="row-head">
                <Link to={href(`/states/${r.iso3}`)}>
                  <Name text={r.name} lang={r.nameLang} />
                </Link>
              </th>
              {r.statuses.map((s, n) => (
                <td key={columns[n]!.code} data-status={s}>
                  <StatusMark status={s} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {COUNT_ROWS.map((s) => (
            <tr key={s} className={s === 'partyOnSecondary' ? 'of-which' : undefined}>
              <th scope="row" className="row-head">
                {t(`treaties.count.${s}`)}
              </th>
              {columns.map((i) => (
                <td key={i.code} className="numeric" data-instrument={i.code} data-status={s}>
                  {number(counts[i.code]?.[s] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}

/** The full titles behind the column codes, on demand. */
export function InstrumentKey({ columns }: { columns: Instrument[] }) {
  const { t, href } = useI18n();
  return (
    <details className="table-disclosure">
      <summary>{t('treaties.instrumentKey', { count: columns.length })}</summary>
      <dl className="instrument-key">
        {columns.map((i) => (
          <Fragment key={i.code}>
            <dt>
              <Link to={href(`/instruments/${i.code}`)}>{i.code}</Link>
            </dt>
            <dd>
              <Name text={i.title} lang={i.titleLang} />
            </dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
