// The procedures a UN mechanism exercises by States' consent (communications, inquiries), each
// with its counts at the chosen date, and the States under the chosen one with the
// declarations they rest on. Replaces "not loaded yet" on the UN mechanism pages.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import { useAll, useStates } from '../../api/registry.ts';
import type { ProcedureList, ProcedureStates } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { DateControl, useAsOf } from '../../components/DateControl.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { sourcesText } from '../../components/Sources.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { isolate } from '../../components/bidi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Declaration, procedureName, SHOWN_STATUSES } from './procedure-words.tsx';

type Row = ProcedureStates['states'][number] & { name: string };

function ProcedureStatesTable({ id, asOf, mechanism }: { id: string; asOf: string; mechanism: string }) {
  const { t, lang, href, date } = useI18n();
  const [status, setStatus] = useQueryParam('ps.status');
  const loaded = useAll(
    useApi(`procedure|${id}|${asOf}`, (signal) => getJson<ProcedureStates>(`/procedures/${id}`, { asOf }, signal)),
    useStates(lang),
  );
  return (
    <Loadable loaded={loaded}>
      {([answer, states]) => {
        const names = new Map(states.map((s) => [s.iso3, s.name]));
        const all: Row[] = answer.states.map((s) => ({ ...s, name: names.get(s.iso3) ?? s.iso3 }));
        const rows = all.filter((r) => (status ? r.status === status : r.status !== 'notParty' && r.status !== 'noData'));
        const columns: Column<Row>[] = [
          { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.iso3}`)}>{r.name}</Link>, value: (r) => r.name },
          { id: 'status', header: t('col.statusAt', { date: date(answer.asOf) }), cell: (r) => t(`procedure.status.${r.status}`), value: (r) => r.status },
          { id: 'since', header: t('procedures.col.since'), cell: (r) => (r.since ? date(r.since) : ''), value: (r) => r.since },
          { id: 'declaration', header: t('procedures.col.declaration'), cell: (r) => <Declaration row={{ ...answer.procedure, ...r }} sources={answer.sources} />, value: (r) => r.act?.quote ?? null },
        ];
        return (
          <>
            <p className="muted small">
              {SHOWN_STATUSES.filter((s) => answer.procedure.counts[s] > 0)
                .map((s) => `${t(`procedure.status.${s}`)}: ${answer.procedure.counts[s]}`)
                .join(' · ')}
            </p>
            <DataTable
              caption={t('procedures.mechanismCaption', { procedure: isolate(procedureName(t, answer.procedure)), date: date(answer.asOf) })}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.iso3}
              urlKey="ps"
              exportName={`accord-${mechanism}-${id}-${answer.asOf}`}
              exportAbout={{ procedure: id, asOf: answer.asOf }}
              exportExtra={(r) => ({
                iso3: r.iso3,
                treatyStatus: r.treatyStatus,
                declarationDate: r.act?.date ?? null,
                dateFromConsent: r.act?.dateFromConsent ?? null,
                sources: sourcesText((r.act?.sourceIds ?? []).flatMap((s) => answer.sources[s] ?? [])),
              })}
              controls={<SelectFilter label={t('col.status')} value={status} onChange={(v) => setStatus(v, ['ps.page'])} options={SHOWN_STATUSES.map((s) => [s, t(`procedure.status.${s}`)])} />}
              empty={t('procedures.none')}
            />
          </>
        );
      }}
    </Loadable>
  );
}

export function MechanismProcedures({ code }: { code: string }) {
  const { t } = useI18n();
  const [asOf, setAsOf] = useAsOf();
  const [chosen, setChosen] = useQueryParam('procedure');
  const loaded = useApi(`procedures|${code}|${asOf}`, (signal) => getJson<ProcedureList>('/procedures', { asOf, mechanism: code }, signal));
  return (
    <>
      <div className="toolbar">
        <DateControl asOf={asOf} onChange={setAsOf} />
      </div>
      <Loadable loaded={loaded}>
        {(list) => {
          if (list.procedures.length === 0) return <Empty>{t('procedures.noneForMechanism')}</Empty>;
          const id = list.procedures.some((p) => p.id === chosen) ? chosen! : list.procedures[0]!.id;
          return (
            <>
              <p className="muted">{t('procedures.mechanismLead')}</p>
              {/* A choice of one procedure, not a filter: no "all" entry. */}
              <label className="field">
                <span>{t('procedures.col.procedure')}</span>
                <select value={id} onChange={(e) => setChosen(e.target.value, ['ps.page', 'ps.status'])}>
                  {list.procedures.map((p) => (
                    <option key={p.id} value={p.id}>
                      {isolate(procedureName(t, p))}
                    </option>
                  ))}
                </select>
              </label>
              <ProcedureStatesTable id={id} asOf={list.asOf} mechanism={code} />
            </>
          );
        }}
      </Loadable>
    </>
  );
}
