// A State's standing under each complaint, inquiry and optional-jurisdiction procedure at the
// page's date, with the declaration each rests on; exported as CSV/JSON.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { StateProcedures as Answer } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { sourcesText } from '../../components/Sources.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Declaration, procedureName, SHOWN_STATUSES } from './procedure-words.tsx';

type Row = Answer['procedures'][number];

export function StateProcedures({ iso3, name, asOf }: { iso3: string; name: string; asOf: string }) {
  const { t, href, date } = useI18n();
  const [status, setStatus] = useQueryParam('pr.status');
  const loaded = useApi(`procedures|${iso3}|${asOf}`, (signal) => getJson<Answer>(`/states/${encodeURIComponent(iso3)}/procedures`, { asOf }, signal));
  return (
    <section aria-labelledby="procedures-title">
      <h2 id="procedures-title">{t('procedures.title')}</h2>
      <p className="muted">{t('procedures.stateLead')}</p>
      <Loadable loaded={loaded}>
        {(answer) => {
          const rank = (r: Row) => SHOWN_STATUSES.indexOf(r.status);
          const rows = answer.procedures.filter((r) => !status || r.status === status).sort((a, b) => rank(a) - rank(b));
          const columns: Column<Row>[] = [
            {
              id: 'procedure',
              header: t('procedures.col.procedure'),
              cell: (r) => (
                <Link to={href(`/instruments/${r.instrument}`)}>
                  <bdi>{procedureName(t, r)}</bdi>
                </Link>
              ),
              value: (r) => `${r.instrument} ${r.article}`,
            },
            {
              id: 'mechanism',
              header: t('procedures.col.mechanism'),
              cell: (r) => (
                <Link to={href(`/mechanisms/${r.mechanism}`)}>
                  <bdi>{r.mechanism}</bdi>
                </Link>
              ),
              value: (r) => r.mechanism,
            },
            { id: 'status', header: t('col.statusAt', { date: date(answer.asOf) }), cell: (r) => t(`procedure.status.${r.status}`), value: (r) => r.status },
            { id: 'since', header: t('procedures.col.since'), cell: (r) => (r.since ? date(r.since) : ''), value: (r) => r.since },
            { id: 'declaration', header: t('procedures.col.declaration'), cell: (r) => <Declaration row={r} sources={answer.sources} />, value: (r) => r.act?.quote ?? null },
          ];
          return (
            <DataTable
              caption={t('procedures.stateCaption', { name, date: date(answer.asOf) })}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.id}
              initialSort={null}
              urlKey="pr"
              exportName={`accord-${answer.iso3}-procedures-${answer.asOf}`}
              exportAbout={{ state: answer.iso3, asOf: answer.asOf }}
              exportExtra={(r) => ({
                procedure: r.id,
                kind: r.kind,
                acceptance: r.acceptance,
                treatyStatus: r.treatyStatus,
                declarationDate: r.act?.date ?? null,
                dateFromConsent: r.act?.dateFromConsent ?? null,
                sources: sourcesText((r.act?.sourceIds ?? r.sourceIds).flatMap((id) => answer.sources[id] ?? [])),
              })}
              controls={<SelectFilter label={t('col.status')} value={status} onChange={(v) => setStatus(v, ['pr.page'])} options={SHOWN_STATUSES.map((s) => [s, t(`procedure.status.${s}`)])} />}
            />
          );
        }}
      </Loadable>
    </section>
  );
}
