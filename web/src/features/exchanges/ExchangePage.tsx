// One exchange: its parties, dates and place, topic, description, outcomes and follow-up (with
// owner, due date and status; overdue when past due and open), documents, links to what it
// answers (paragraphs of the 2004 resolution…), its series, sources with their kinds, and
// corrections of a shipped exchange; for OHCHR editors and administrators, the form that
// corrects it (its parties, follow-up actions, links and documents as rows, each list given
// whole) and, for an exchange entered in Accord, its deletion after a confirmation (a shipped one
// is corrected, never deleted). A new exchange is entered on /exchanges/new.
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useMechanisms, useOrganizations } from '../../api/registry.ts';
import type { ExchangeDetail, ExchangeSeries, Mechanism, Organization } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SourceTitle, Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { EditForm, type WriteRequest } from '../edits/EditForm.tsx';
import { ConfirmDelete, SavedNotice } from '../edits/RecordTools.tsx';
import { accessOf } from '../edits/specs.ts';
import { LinkDocumentEditors } from '../requests/RequestEditPages.tsx';
import { type Row, RowsEditor, usePartLists } from '../requests/RowsEditor.tsx';
import { documentRows, linkRows } from '../requests/specs.ts';
import { PartyList, Span } from './parts.tsx';
import { actionFields, actionRows, blankAction, blankParty, createExchangeBody, exchangeBody, exchangeFields, exchangeValues, partyFields, partyRows } from './specs.ts';

const today = new Date().toISOString().slice(0, 10);

function useChoices() {
  const { lang } = useI18n();
  return useAll(
    useOrganizations(lang, today),
    useMechanisms(lang),
    useApi(`exchange-series|${lang}`, (signal) => getJson<{ items: ExchangeSeries[] }>('/exchange-series', { lang }, signal)),
  );
}

type Choices = [string, string][];

/** The regional organizations and mechanisms a party may name, and the series an exchange may belong to. */
function choicesOf(organizations: Organization[], mechanisms: Mechanism[], series: { items: ExchangeSeries[] }) {
  return {
    organizations: organizations.filter((o) => o.kind !== 'universal').map((o): [string, string] => [o.id, o.name]),
    mechanisms: mechanisms.filter((m) => m.system !== 'un').map((m): [string, string] => [m.code, m.name]),
    series: series.items.map((s): [string, string] => [s.id, s.title]),
  };
}

/** The choices with the values a record already has, should the lists not offer them (an organization dissolved since). */
const withValues = (choices: Choices, values: string[]): Choices => [...choices, ...[...new Set(values)].filter((v) => v && !choices.some(([c]) => c === v)).map((v): [string, string] => [v, v])];

export function NewExchangePage() {
  return <Guard allowed={(can) => can.editAll}>{() => <NewExchange />}</Guard>;
}

function NewExchange() {
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const { write } = useAuth();
  const choices = useChoices();
  usePageTitle(t('exchanges.new'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/exchanges')}>{t('exchanges.title')}</Link>
      </p>
      <h1>{t('exchanges.new')}</h1>
      <p className="lead">{t('edit.lead')}</p>
      <Loadable loaded={choices}>
        {([organizations, mechanisms, series]) => {
          const c = choicesOf(organizations, mechanisms, series);
          return (
            <EditForm
              fields={exchangeFields(t, c.organizations, c.mechanisms, c.series)}
              mode="create"
              initial={{ kind: 'meeting' }}
              valuesOf={() => null}
              submitLabel={t('edit.create')}
              send={({ body, reason }) => write('/exchanges', { body: createExchangeBody(body), reason })}
              onDone={(made: { id: string }) => navigate(href(`/exchanges/${made.id}`), { state: { edited: 'created' } })}
              onCancel={() => navigate(href('/exchanges'))}
            />
          );
        }}
      </Loadable>
    </>
  );
}

export function ExchangePage() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  // Read again after every navigation (a correction saved lands here again).
  const { key } = useLocation();
  const loaded = useApi(`exchange|${id}|${lang}|${key}`, (signal) => getJson<ExchangeDetail>(`/exchanges/${encodeURIComponent(id)}`, { lang }, signal), {
    remember: false,
    subject: `exchange|${id}|${lang}`,
  });
  usePageTitle(loaded.data?.title ?? (loaded.error ? t('notFound.title') : undefined));
  return (
    <Loadable loaded={loaded}>
      {(e) => {
        const path = `/exchanges/${encodeURIComponent(e.id)}`;
        return (
          <>
            <p className="breadcrumb">
              <Link to={href('/exchanges')}>{t('exchanges.title')}</Link>
            </p>
            <h1 lang="en" dir="ltr">
              {e.title}
            </h1>
            <SavedNotice />
            {can.editAll && (
              <p className="buttons">
                {e.origin === 'user' ? (
                  <ConfirmDelete path={path} version={e.version} what={e.title} after={href('/exchanges')} label={t('exchanges.delete')} />
                ) : (
                  <span className="muted">{t('exchanges.shippedNoDelete')}</span>
                )}
              </p>
            )}
            {e.confidentiality !== 'public' && (
              <p className="muted">
                <AccessLevel record={e} />
              </p>
            )}
            <dl className="facts">
              <dt>{t('col.kind')}</dt>
              <dd>{t(`exchanges.kind.${e.kind}`)}</dd>
              <dt>{t('col.date')}</dt>
              <dd>
                <Span start={e.start} end={e.end} />
              </dd>
              <dt>{t('exchanges.place')}</dt>
              <dd>{[e.city, e.country].filter(Boolean).join(', ') || <span className="muted">{t('exchanges.noPlace')}</span>}</dd>
              <dt>{t('exchanges.unSide')}</dt>
              <dd>
                <PartyList parties={e.parties} side="un" />
              </dd>
              <dt>{t('exchanges.regionalSide')}</dt>
              <dd>
                <PartyList parties={e.parties} side="regional" />
              </dd>
              {e.series && (
                <>
                  <dt>{t('exchanges.series')}</dt>
                  <dd>
                    <Link to={href(`/exchanges/series/${encodeURIComponent(e.series.id)}`)} lang="en" dir="ltr">
                      {e.series.title}
                    </Link>
                    {e.seriesNumber ? ` (${t('exchanges.number', { n: e.seriesNumber })})` : ''}
                  </dd>
                </>
              )}
              {e.topic && (
                <>
                  <dt>{t('exchanges.field.topic')}</dt>
                  <dd lang="en" dir="ltr">
                    {e.topic}
                  </dd>
                </>
              )}
            </dl>
            {e.description && (
              <section aria-labelledby="exchange-description">
                <h2 id="exchange-description">{t('exchanges.field.description')}</h2>
                <p lang="en" dir="ltr">
                  {e.description}
                </p>
              </section>
            )}
            <section aria-labelledby="exchange-outcomes">
              <h2 id="exchange-outcomes">{t('exchanges.outcomes')}</h2>
              {e.outcomes ? (
                <p lang="en" dir="ltr">
                  {e.outcomes}
                </p>
              ) : (
                <p className="muted">{t('exchanges.noOutcomes')}</p>
              )}
            </section>
            <section aria-labelledby="exchange-follow-up">
              <h2 id="exchange-follow-up">{t('exchanges.followUp')}</h2>
              {e.actions.length === 0 ? (
                <p className="muted">{t('exchanges.noFollowUp')}</p>
              ) : (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('exchanges.action')}</th>
                      <th scope="col">{t('exchanges.owner')}</th>
                      <th scope="col">{t('exchanges.due')}</th>
                      <th scope="col">{t('col.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.actions.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: actions are shown in their stored order
                      <tr key={i}>
                        <td lang="en" dir="ltr">
                          {a.description}
                        </td>
                        <td lang="en" dir="ltr">
                          {a.owner}
                        </td>
                        <td>{a.due ? <FactDate value={a.due} /> : ''}</td>
                        <td>
                          {t(`exchanges.status.${a.status}`)}
                          {a.overdue && <strong> ({t('exchanges.overdue')})</strong>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            {e.documents.length > 0 && (
              <section aria-labelledby="exchange-documents">
                <h2 id="exchange-documents">{t('exchanges.documents')}</h2>
                <ul>
                  {e.documents.map((d) => (
                    <li key={d.url}>
                      <SourceTitle source={d} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {e.links.length > 0 && (
              <section aria-labelledby="exchange-links">
                <h2 id="exchange-links">{t('exchanges.links')}</h2>
                <ul>
                  {e.links.map((l) => (
                    <li key={`${l.kind} ${l.ref}`}>
                      <code dir="ltr">{l.ref}</code>
                      {l.note && (
                        <>
                          {' '}
                          <span lang="en" dir="ltr">
                            {l.note}
                          </span>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {e.note && (
              <section aria-labelledby="exchange-note">
                <h2 id="exchange-note">{t('exchanges.sourceNote')}</h2>
                <p lang="en" dir="ltr">
                  {e.note}
                </p>
              </section>
            )}
            <section aria-labelledby="exchange-sources">
              <h2 id="exchange-sources">{t('col.sources')}</h2>
              <Sources sources={e.sources} />
            </section>
            <Corrections corrections={e.corrections} />
            {can.editAll && <ExchangeCorrection key={e.version} exchange={e} />}
          </>
        );
      }}
    </Loadable>
  );
}

/** The correction of an exchange: its fields, its series, and its parties, follow-up actions,
 *  links and documents as rows (each list sent whole, and only when it changed). */
function ExchangeCorrection({ exchange: e }: { exchange: ExchangeDetail }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const choices = useChoices();
  const path = `/exchanges/${encodeURIComponent(e.id)}`;
  return (
    <section aria-labelledby="exchange-edit">
      <h2 id="exchange-edit">{t('edit.correct')}</h2>
      <Loadable loaded={choices}>
        {([organizations, mechanisms, series]) => {
          const names = new Map([...organizations.map((o): [string, string] => [`organization:${o.id}`, o.name]), ...mechanisms.map((m): [string, string] => [`mechanism:${m.code}`, m.name])]);
          const c = choicesOf(organizations, mechanisms, series);
          return (
            <CorrectionForm
              exchange={e}
              initialParties={partyRows(e.parties, names)}
              organizations={withValues(
                c.organizations,
                e.parties.map((p) => p.organizationId ?? ''),
              )}
              mechanisms={withValues(
                c.mechanisms,
                e.parties.map((p) => p.mechanism ?? ''),
              )}
              series={withValues(c.series, [e.series?.id ?? ''])}
              send={(body, request) => write(path, { method: 'PATCH', body: exchangeBody(body), ifMatch: request.ifMatch, reason: request.reason })}
              onDone={() => navigate(href(path), { state: { edited: 'saved' }, replace: true })}
              onCancel={() => navigate(href(path))}
            />
          );
        }}
      </Loadable>
    </section>
  );
}

interface CorrectionFormProps {
  exchange: ExchangeDetail;
  initialParties: Row[];
  organizations: Choices;
  mechanisms: Choices;
  series: Choices;
  send: (body: Record<string, unknown>, request: WriteRequest) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}

function CorrectionForm({ exchange: e, initialParties, organizations, mechanisms, series, send, onDone, onCancel }: CorrectionFormProps) {
  const { t } = useI18n();
  const parts = usePartLists({ parties: initialParties, actions: actionRows(e.actions), links: linkRows(e.links), documents: documentRows(e.documents) });
  return (
    <EditForm
      fields={exchangeFields(t, [], [], series)}
      mode="update"
      version={e.version}
      access={accessOf(e)}
      initial={exchangeValues(e)}
      valuesOf={(current) => (current && typeof current === 'object' && 'parties' in current ? exchangeValues(current as ExchangeDetail) : null)}
      submitLabel={t('edit.save')}
      partLabels={{ parties: t('exchanges.parties'), actions: t('exchanges.followUp'), links: t('requests.links'), documents: t('requests.documents') }}
      send={(request) => parts.send(request.body, (body) => send(body, request))}
      onDone={onDone}
      onCancel={onCancel}
      parts={
        <>
          <RowsEditor
            legend={t('exchanges.parties')}
            path="parties"
            fields={partyFields(t, organizations, mechanisms)}
            rows={parts.lists.parties}
            onChange={parts.set('parties')}
            blank={blankParty}
            rowLabel={(n) => t('exchanges.party.row', { n })}
            addLabel={t('exchanges.party.add')}
            error={parts.error}
          />
          <RowsEditor
            legend={t('exchanges.followUp')}
            path="actions"
            fields={actionFields(t)}
            rows={parts.lists.actions}
            onChange={parts.set('actions')}
            blank={blankAction}
            rowLabel={(n) => t('exchanges.action.row', { n })}
            addLabel={t('exchanges.action.add')}
            error={parts.error}
          />
          <LinkDocumentEditors parts={parts} />
        </>
      }
    />
  );
}
