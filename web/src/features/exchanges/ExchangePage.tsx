// One exchange: its parties, dates and place, topic, description, outcomes and follow-up (with
// owner, due date and status; overdue when past due and open), documents, links to what it
// answers (paragraphs of the 2004 resolution…), its series, sources with their kinds, and
// corrections of a shipped exchange; for OHCHR editors, the form that corrects it. A new
// exchange is entered on /exchanges/new.
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useAll, useMechanisms, useOrganizations } from '../../api/registry.ts';
import type { ExchangeDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SourceTitle, Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { AccessLevel } from '../edits/AccessLevel.tsx';
import { Corrections } from '../edits/Corrections.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { accessOf } from '../edits/specs.ts';
import { PartyList, Span } from './parts.tsx';
import { createExchangeBody, exchangeFields, exchangeValues } from './specs.ts';

const today = new Date().toISOString().slice(0, 10);

function useChoices() {
  const { lang } = useI18n();
  return useAll(useOrganizations(lang, today), useMechanisms(lang));
}

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
        {([organizations, mechanisms]) => (
          <EditForm
            fields={exchangeFields(
              t,
              organizations.filter((o) => o.kind !== 'universal').map((o): [string, string] => [o.id, o.name]),
              mechanisms.filter((m) => m.system !== 'un').map((m): [string, string] => [m.code, m.name]),
            )}
            mode="create"
            initial={{ kind: 'meeting' }}
            valuesOf={() => null}
            submitLabel={t('edit.create')}
            send={({ body, reason }) => write('/exchanges', { body: createExchangeBody(body), reason })}
            onDone={(made: { id: string }) => navigate(href(`/exchanges/${made.id}`), { state: { edited: 'created' } })}
            onCancel={() => navigate(href('/exchanges'))}
          />
        )}
      </Loadable>
    </>
  );
}

export function ExchangePage() {
  const { id = '' } = useParams();
  const { t, lang, href } = useI18n();
  const { can, write } = useAuth();
  const navigate = useNavigate();
  // Read again after every navigation (a correction saved lands here again).
  const { key } = useLocation();
  const loaded = useApi(`exchange|${id}|${lang}|${key}`, (signal) => getJson<ExchangeDetail>(`/exchanges/${encodeURIComponent(id)}`, { lang }, signal), { remember: false });
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
                  <dd lang="en" dir="ltr">
                    {e.series.title}
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
            {can.editAll && (
              <section aria-labelledby="exchange-edit">
                <h2 id="exchange-edit">{t('edit.correct')}</h2>
                <EditForm
                  fields={exchangeFields(t, [], [])}
                  mode="update"
                  version={e.version}
                  access={accessOf(e)}
                  initial={exchangeValues(e)}
                  valuesOf={(current) => exchangeValues(current as ExchangeDetail)}
                  submitLabel={t('edit.save')}
                  send={({ body, ifMatch, reason }) => write(path, { method: 'PATCH', body, ifMatch, reason })}
                  onDone={() => navigate(href(path), { state: { edited: 'saved' }, replace: true })}
                  onCancel={() => navigate(href(path))}
                />
              </section>
            )}
          </>
        );
      }}
    </Loadable>
  );
}
