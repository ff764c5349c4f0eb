// Treaty acts entered in Accord: an editor enters an act as their source gives it (from the
// State's or the instrument's page), and the page of one entered act lets those who may correct
// or delete it. The imported and shipped acts are never changed: the treaty status follows the
// editor's act for that State and lists the disagreement with both sources. A declaration
// accepting or withdrawing a procedure names it, among the procedures of the act's instrument.
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useInstruments, useStates } from '../../api/registry.ts';
import type { EnteredAct, ProcedureList } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { procedureName } from '../procedures/procedure-words.tsx';
import { AccessLevel } from './AccessLevel.tsx';
import { EditForm } from './EditForm.tsx';
import { HistorySection } from './HistorySection.tsx';
import { DeleteButton, editsFor, usePermissions } from './RecordTools.tsx';
import { accessOf, treatyActFields, treatyActValues } from './specs.ts';

export const actSeq = (act: EnteredAct) => act.id.slice(act.id.lastIndexOf('/') + 1);

/** Every procedure, as GET /procedures lists them (what a declaration may name). */
const useProcedures = () => useApi('procedures|list', (signal) => getJson<ProcedureList>('/procedures', {}, signal));

/** The procedures of one instrument as choices: "CAT art. 22 · individual communications". */
function procedureChoices(list: ProcedureList, instrument: string, t: (key: string) => string): [string, string][] {
  return list.procedures.filter((p) => p.instrument === instrument).map((p) => [p.id, procedureName(t, p)]);
}

export function NewTreatyActPage() {
  return <Guard>{() => <NewTreatyAct />}</Guard>;
}

function NewTreatyAct() {
  const { t, lang, href } = useI18n();
  const navigate = useNavigate();
  const { write, can } = useAuth();
  const [params] = useSearchParams();
  const instrument = params.get('instrument');
  const participant = params.get('participant');
  const back = participant ? `/states/${participant}` : instrument ? `/instruments/${instrument}` : '/';
  const loaded = useAll(useInstruments(lang), useStates(lang), useProcedures());
  usePageTitle(t('edit.new.act'));
  return (
    <Loadable loaded={loaded}>
      {([instruments, states, procedures]) => {
        const instrumentChoices = instruments.filter((i) => i.binding).map((i) => [i.code, i.shortTitle ?? i.title] as [string, string]);
        // A State editor enters the acts of their own State only.
        const stateChoices = [...states]
          .filter((s) => editsFor(can, [`state:${s.iso3}`]) || can.editScopes.some((scope) => scope.startsWith('organization:')))
          .sort((a, b) => a.name.localeCompare(b.name, lang))
          .map((s) => [s.iso3, s.name] as [string, string]);
        const subject = participant ? states.find((s) => s.iso3 === participant)?.name : instruments.find((i) => i.code === instrument)?.shortTitle;
        return (
          <>
            <p className="breadcrumb">
              <Link to={href(back)}>{subject ?? participant ?? instrument}</Link>
            </p>
            <h1>{t('edit.new.act')}</h1>
            <p className="lead">{t('edit.lead.act')}</p>
            <EditForm
              fields={(values) => treatyActFields(t, instrument ? null : instrumentChoices, participant ? null : stateChoices, procedureChoices(procedures, instrument ?? values.instrument ?? '', t))}
              mode="create"
              initial={{ kind: 'ratification' }}
              valuesOf={() => null}
              submitLabel={t('edit.create')}
              send={({ body, reason }) => write('/treaty-actions', { body: { ...body, ...(instrument ? { instrument } : {}), ...(participant ? { participant } : {}) }, reason })}
              onDone={() => navigate(href(back), { state: { edited: 'created' } })}
              onCancel={() => navigate(href(back))}
            />
          </>
        );
      }}
    </Loadable>
  );
}

export function TreatyActPage() {
  const { instrument = '', seq = '' } = useParams();
  const { t, href, date, lang } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const recordId = `edit:${instrument}/${seq}`;
  const path = `/treaty-actions/${encodeURIComponent(instrument)}/${encodeURIComponent(seq)}`;
  const loaded = useAll(
    useApi(`edit|act|${instrument}|${seq}`, (signal) => getJson<EnteredAct>(path, {}, signal), { remember: false }),
    useStates(lang),
    useProcedures(),
  );
  const permissions = usePermissions('treaty-action', recordId);
  const act = loaded.data?.[0];
  const stateName = loaded.data?.[1].find((s) => s.iso3 === act?.participant)?.name ?? act?.participant;
  const title = act ? t('edit.title.act', { kind: t(`edit.actKind.${act.kind}`), state: stateName ?? '', instrument: act.instrument, date: date(act.date) || '—' }) : undefined;
  usePageTitle(title ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {([act, , procedures]) => {
        const back = `/states/${act.participant}`;
        const procedure = procedures.procedures.find((p) => p.id === act.procedure);
        return (
          <>
            <p className="breadcrumb">
              <Link to={href(back)}>{stateName}</Link> · <Link to={href(`/instruments/${act.instrument}`)}>{act.instrument}</Link>
            </p>
            <h1>{title}</h1>
            <dl className="facts">
              <dt>{t('edit.field.actKind')}</dt>
              <dd>{t(`edit.actKind.${act.kind}`)}</dd>
              {act.procedure && (
                <>
                  <dt>{t('edit.field.procedure')}</dt>
                  <dd>
                    <bdi>{procedure ? procedureName(t, procedure) : act.procedure}</bdi>
                  </dd>
                </>
              )}
              <dt>{t('edit.field.actDate')}</dt>
              <dd>
                <FactDate value={act.date} />
              </dd>
              {act.effective && (
                <>
                  <dt>{t('edit.field.effective')}</dt>
                  <dd>
                    <FactDate value={act.effective} />
                  </dd>
                </>
              )}
              {act.note && (
                <>
                  <dt>{t('col.note')}</dt>
                  <dd lang="en" dir="ltr">
                    {act.note}
                  </dd>
                </>
              )}
              <dt>{t('edit.access')}</dt>
              <dd>
                <AccessLevel record={act} />
              </dd>
              <dt>{t('col.sources')}</dt>
              <dd>
                <Sources sources={act.sources} />
              </dd>
            </dl>
            <div className="buttons">
              <DeleteButton entity="treaty-action" id={recordId} path={path} version={act.version} what={title ?? recordId} after={href(back)} />
            </div>
            {permissions?.update && (
              <section aria-labelledby="correct-title">
                <h2 id="correct-title">{t('edit.correct')}</h2>
                <EditForm
                  key={act.version}
                  fields={treatyActFields(t, null, null, procedureChoices(procedures, act.instrument, t))}
                  mode="update"
                  initial={treatyActValues(act)}
                  version={act.version}
                  access={accessOf(act)}
                  valuesOf={(current) => (current && typeof current === 'object' && 'kind' in current ? treatyActValues(current as EnteredAct) : null)}
                  submitLabel={t('edit.save')}
                  send={({ body, ifMatch, reason }) => write(path, { method: 'PATCH', body, ifMatch, reason })}
                  onDone={() => navigate(href(back), { state: { edited: 'saved' } })}
                  onCancel={() => navigate(href(back))}
                />
              </section>
            )}
            <HistorySection entity="treaty-action" id={recordId} version={act.version} />
          </>
        );
      }}
    </Loadable>
  );
}
