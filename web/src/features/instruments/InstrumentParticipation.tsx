// Who is bound by an instrument: how current its sources are, the counts of every status at the
// chosen date, parties over time, the map of States by status, and every State's acts. When
// Accord holds no source on the instrument, a banner says so and every State reads "no data".
// InstrumentPage loads this lazily, so the chart and map code stay out of the home page.
import { getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import type { InstrumentStatus, Page, StatusHistory, TreatyConflict } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { ErrorState, Loading } from '../../components/PageState.tsx';
import { SourceCurrency } from '../../components/SourceCurrency.tsx';
import { ConflictsNote } from '../../components/TreatyStatus.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { OtherParticipants } from './OtherParticipants.tsx';
import { participantRows, ParticipantsTable } from './ParticipantsTable.tsx';
import { PartiesChart } from './PartiesChart.tsx';
import { StatusMap } from './StatusMap.tsx';

function InstrumentConflictsNote({ code }: { code: string }) {
  const { t } = useI18n();
  // One row is enough: the envelope's total says how many there are.
  const conflicts = useApi(`conflicts|${code}`, (signal) => getJson<Page<TreatyConflict>>('/data-quality/conflicts', { instrument: code, limit: 1 }, signal));
  const count = conflicts.data?.total ?? 0;
  return <ConflictsNote count={count} message={t('treaty.instrumentConflicts', { count })} filter="t.instrument" value={code} />;
}

export function InstrumentParticipation({ code, name }: { code: string; name: string }) {
  const { t, lang, date } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const path = `/instruments/${encodeURIComponent(code)}`;
  const subject = `instrument-status|${code}`;
  const loaded = useAll(
    useApi(`${subject}|${asOf}`, (signal) => getJson<InstrumentStatus>(`${path}/status`, { asOf }, signal), { subject }),
    useApi(`instrument-history|${code}`, (signal) => getJson<StatusHistory>(`${path}/status-history`, {}, signal)),
    useStates(lang),
  );
  const heading = (
    <h2 id="participation-title" tabIndex={-1}>
      {t('treaty.participation')}
    </h2>
  );
  if (loaded.error)
    return (
      <section aria-labelledby="participation-title">
        {heading}
        <ErrorState error={loaded.error} retry={loaded.retry} />
      </section>
    );
  if (!loaded.data)
    return (
      <section aria-labelledby="participation-title">
        {heading}
        <Loading />
      </section>
    );
  const [status, history, states] = loaded.data;
  const { counts } = status;
  // While another date loads, the previous answer stays; everything says which date it shows.
  const shownDate = date(status.asOf);
  const rows = participantRows(status, states);
  const table = (
    <>
      <h3 id="participants-table" tabIndex={-1}>
        {t('treaty.participants')}
      </h3>
      {status.states.some((r) => r.declarations.length > 0) && <p className="muted small">{t('treaty.declarationsHelp')}</p>}
      <ParticipantsTable status={status} rows={rows} caption={t('treaty.participantsCaption', { name, date: shownDate })} />
    </>
  );
  if (!status.hasData) {
    // Nothing to draw: a chart of zeros and a grey map would only repeat the banner.
    return (
      <section aria-labelledby="participation-title">
        {heading}
        <p className="banner no-data-banner" role="note">
          {t('treaty.noDataBanner')}
        </p>
        {table}
      </section>
    );
  }
  return (
    <section aria-labelledby="participation-title">
      {heading}
      <SourceCurrency collections={status.collections} />
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
      </div>
      <p className="summary" role="status">
        {t('treaty.summary', { date: shownDate, ...counts })}
      </p>
      <InstrumentConflictsNote code={code} />
      <h3>{t('chart.title')}</h3>
      <PartiesChart history={history} name={name} asOf={status.asOf} />
      <h3>{t('treaty.mapTitle', { date: shownDate })}</h3>
      <p>
        <a href="#participants-table" className="skip-inline">
          {t('home.toTable')}
        </a>
      </p>
      <StatusMap rows={rows} counts={counts} caption={t('treaty.mapCaption', { name, date: shownDate })} date={shownDate} />
      {table}
      {status.organizations.length > 0 && <OtherParticipants status={status} name={name} />}
    </section>
  );
}
