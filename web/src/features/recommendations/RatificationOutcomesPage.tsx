// What States did after UPR recommendations to ratify, accede to or become party to an
// instrument (GET /recommendations/ratification-outcomes): a bar chart of the instruments most
// recommended, each bar split into the recommendations followed within the chosen window, those
// uncertain and those not followed; beside it the whole table (also by regional group), with the
// rule for dates, what is counted, a CSV download and the sources. The filters live in the address.
import { Link } from 'react-router';
import { apiUrl, getJson } from '../../api/client.ts';
import type { OutcomeRow, RatificationOutcomes } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { byInstrument, fillOf, OutcomesChart, PARTS, PartFill, type Window } from './OutcomesChart.tsx';

const REGIONS = ['AG', 'APG', 'EEG', 'GRULAC', 'WEOG'];
const WINDOWS: Window[] = ['1', '2', '5'];
const VERDICTS = ['followed', 'uncertain', 'notFollowed', 'notYetKnown'] as const;
const STANDINGS = ['alreadyParty', 'uncertain', 'noData'] as const;

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="chart-legend">
      {PARTS.map((p) => (
        <li key={p.id} data-part={p.id}>
          <svg width="30" height="14" aria-hidden="true">
            <defs>
              <PartFill part={p} id="legend" />
            </defs>
            <rect x="1" y="1" width="28" height="12" fill={fillOf(p, 'legend')} stroke="#444" strokeWidth="0.6" />
          </svg>
          {t(`outcomes.part.${p.id}`)}
        </li>
      ))}
    </ul>
  );
}

function OutcomesTable({ data, window, caption }: { data: RatificationOutcomes; window: Window; caption: string }) {
  const { t, number } = useI18n();
  const count = (c: { rows: number; distinct: number }) => `${number(c.rows)} (${number(c.distinct)})`;
  const w = (row: OutcomeRow) => row.windows[window];
  const columns: Column<OutcomeRow>[] = [
    { id: 'instrument', header: t('outcomes.col.instrument'), cell: (r) => <bdi>{r.instrument.name}</bdi>, value: (r) => r.instrument.code },
    ...(data.by === 'region' ? [{ id: 'region', header: t('outcomes.col.region'), cell: (r: OutcomeRow) => r.region?.name ?? '', value: (r: OutcomeRow) => r.region?.code ?? '' }] : []),
    { id: 'response', header: t('outcomes.col.response'), cell: (r) => t(`rec.response.${r.response}`), value: (r) => r.response },
    { id: 'total', header: t('outcomes.col.total'), cell: (r) => count(r.total), value: (r) => r.total.rows, numeric: true },
    ...STANDINGS.map((s) => ({ id: s, header: t(`outcomes.standing.${s}`), cell: (r: OutcomeRow) => count(r.standing[s]), value: (r: OutcomeRow) => r.standing[s].rows, numeric: true })),
    ...VERDICTS.map((v) => ({ id: `${v}-${window}`, header: t(`outcomes.verdict.${v}`), cell: (r: OutcomeRow) => count(w(r)[v]), value: (r: OutcomeRow) => w(r)[v].rows, numeric: true })),
    {
      id: 'share',
      header: t('outcomes.col.share'),
      cell: (r) => {
        const decided = w(r).followed.rows + w(r).notFollowed.rows;
        return decided ? `${number(Math.round((100 * w(r).followed.rows) / decided))} %` : '—';
      },
      value: (r) => {
        const decided = w(r).followed.rows + w(r).notFollowed.rows;
        return decided ? w(r).followed.rows / decided : null;
      },
      numeric: true,
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={data.rows}
      rowKey={(r) => `${r.instrument.code}|${r.region?.code ?? ''}|${r.response}`}
      initialSort={{ id: 'total', descending: true }}
      pageSize={50}
      urlKey="t"
      exportName="accord-ratification-outcomes"
      exportAbout={{ window: `${window} years`, dates: data.rule.dates, counted: data.rule.counted }}
    />
  );
}

export function RatificationOutcomesPage() {
  const { t, lang, href } = useI18n();
  usePageTitle(t('outcomes.title'));
  const [instrument, setInstrument] = useQueryParam('instrument');
  const [region, setRegion] = useQueryParam('region');
  const [response, setResponse] = useQueryParam('response', 'supported');
  const [by, setBy] = useQueryParam('by', 'instrument');
  const [window, setWindow] = useQueryParam('window', '5');
  const params = { instrument, region, response, by, lang };
  const loaded = useApi(`outcomes|${JSON.stringify(params)}`, (signal) => getJson<RatificationOutcomes>('/recommendations/ratification-outcomes', params, signal));
  const shown = (WINDOWS.includes(window as Window) ? window : '5') as Window;
  return (
    <>
      <h1>{t('outcomes.title')}</h1>
      <p className="lead">{t('outcomes.lead')}</p>
      <p>
        <Link to={href('/recommendations/instrument-links')}>{t('links.link')}</Link>
      </p>
      <div className="filters">
        <SelectFilter label={t('outcomes.filter.response')} value={response} onChange={setResponse} options={['supported', 'noted'].map((r) => [r, t(`rec.response.${r}`)])} />
        <SelectFilter label={t('outcomes.filter.region')} value={region} onChange={setRegion} options={REGIONS.map((g) => [g, t(`group.${g}`)])} />
        <label className="field">
          <span>{t('outcomes.filter.window')}</span>
          <select value={shown} onChange={(e) => setWindow(e.target.value)}>
            {WINDOWS.map((n) => (
              <option key={n} value={n}>
                {t(`outcomes.window.${n}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('outcomes.filter.by')}</span>
          <select value={by} onChange={(e) => setBy(e.target.value)}>
            <option value="instrument">{t('outcomes.by.instrument')}</option>
            <option value="region">{t('outcomes.by.region')}</option>
          </select>
        </label>
      </div>
      <Loadable loaded={loaded}>
        {(data) => {
          const instruments = [...new Map(data.rows.map((r) => [r.instrument.code, r.instrument.name])).entries()];
          // One bar per instrument, whatever the grouping of the table: most recommended first.
          const perInstrument = byInstrument(data.rows);
          const title = t('outcomes.chart.caption', { response: t(`rec.response.${response || 'supported'}`), window: t(`outcomes.window.${shown}`) });
          return (
            <>
              {instruments.length > 1 && <SelectFilter label={t('outcomes.filter.instrument')} value={instrument} onChange={setInstrument} options={instruments} />}
              {perInstrument.length > 0 && (
                <>
                  <h2>{title}</h2>
                  <Legend />
                  <OutcomesChart rows={perInstrument.slice(0, 25)} window={shown} title={title} />
                </>
              )}
              <OutcomesTable data={data} window={shown} caption={t('outcomes.table.caption', { window: t(`outcomes.window.${shown}`) })} />
              <p>
                <a href={apiUrl('/recommendations/ratification-outcomes/csv', params)} download>
                  {t('outcomes.csv')}
                </a>
              </p>
              <h2>{t('outcomes.rules')}</h2>
              <p className="small">{t('outcomes.counted')}</p>
              <p className="small">{t('outcomes.dateRule')}</p>
              <Sources sources={data.sources} />
            </>
          );
        }}
      </Loadable>
    </>
  );
}
