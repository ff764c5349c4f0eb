// The parts of an event's page: participation counts as entered (by country, institution and
// gender; a count entered without one of these is "not recorded" under it, never zero, and an
// event with no counts says that none were recorded), follow-up actions (overdue ones marked; an
// editor changes their status), and its participants, whom only OHCHR and administrators read:
// their names may be erased (the API blanks the name and position, and keeps the rest).
import { useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { forgetAnswers, useApi } from '../../api/useApi.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, FormErrors, useSubmission } from '../../components/Form.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { today } from '../../../../src/shared/dates.ts';
import { EVENT_ACTION_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { useNavigate, useLocation } from 'react-router';
import type { EventAction, EventDetail, Participant } from './types.ts';

type Tally = { key: string | null; headcount: number }[];

/** The API's totals by one field (its schema names the field by a variable, so its type is loose). */
const tallyOf = (rows: Record<string, unknown>[], field: string): Tally => rows.map((r) => ({ key: (r[field] as string | null | undefined) ?? null, headcount: Number(r.headcount) }));

export function ParticipationSection({ participation, names }: { participation: EventDetail['participation']; names: Map<string, string> }) {
  const { t, number } = useI18n();
  const notRecorded = t('events.notRecorded');
  if (participation.rows.length === 0) {
    return (
      <section aria-labelledby="participation-title">
        <h2 id="participation-title">{t('events.participation')}</h2>
        <p className="muted">{t('events.noCounts')}</p>
      </section>
    );
  }
  const table = (id: string, caption: string, header: string, rows: Tally, label: (key: string) => string) => (
    <table key={id} className="participation">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col" className="numeric">
            {t('events.headcount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key ?? ''}>
            <th scope="row">{r.key === null || r.key === 'not-recorded' ? <span className="muted">{notRecorded}</span> : label(r.key)}</th>
            <td className="numeric">{number(r.headcount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="participation-title">
      <h2 id="participation-title">{t('events.participation')}</h2>
      <p>{t('events.total', { total: number(participation.total) })}</p>
      <div className="participation-tables">
        {table('country', t('events.byCountry'), t('col.state'), tallyOf(participation.byCountry, 'country'), (iso3) => names.get(iso3) ?? iso3)}
        {table('institution', t('events.byInstitution'), t('events.institution'), tallyOf(participation.byInstitution, 'institution'), (k) => t(`events.institution.${k}`))}
        {table('gender', t('events.byGender'), t('events.gender'), tallyOf(participation.byGender, 'gender'), (k) => t(`events.gender.${k}`))}
      </div>
    </section>
  );
}

export function ActionsSection({ event }: { event: EventDetail }) {
  const { t, date } = useI18n();
  const { can } = useAuth();
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('events.actions')}</h2>
      {event.actions.length === 0 ? (
        <p className="muted">{t('events.noActions')}</p>
      ) : (
        // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls the table, focusable so a keyboard can scroll it
        <div className="table-scroll" role="region" aria-labelledby="actions-caption" tabIndex={0}>
          <table>
            <caption id="actions-caption">{t('events.actionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.action.description')}</th>
                <th scope="col">{t('events.action.owner')}</th>
                <th scope="col">{t('events.action.due')}</th>
                <th scope="col">{t('events.action.status')}</th>
                {can.editAll && <th scope="col">{t('events.action.change')}</th>}
              </tr>
            </thead>
            <tbody>
              {event.actions.map((a) => (
                <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
                  <td lang="en" dir="ltr">
                    {a.description}
                  </td>
                  <td>
                    <bdi>{a.owner}</bdi>
                  </td>
                  <td>
                    {a.due ? date(a.due) : <span className="muted">{t('events.noDue')}</span>}
                    {a.overdue && <strong className="overdue-mark"> {t('events.overdue')}</strong>}
                  </td>
                  <td>
                    {t(`events.actionStatus.${a.status}`)}
                    {a.doneOn && <span className="muted"> ({date(a.doneOn)})</span>}
                  </td>
                  {can.editAll && (
                    <td>
                      <ActionStatus eventId={event.id} action={a} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** An editor changes an action's status; marking it done records today as the day it was done. */
function ActionStatus({ eventId, action }: { eventId: string; action: EventAction }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [status, setStatus] = useState<string>(action.status);
  const submission = useSubmission<{ changed: string[] }>();
  const save = async () => {
    const body = { status, doneOn: status === 'done' ? (action.doneOn ?? today()) : null };
    const done = await submission.run(() => write(`/events/${encodeURIComponent(eventId)}/actions/${action.id}`, { method: 'PATCH', body }));
    if (done) {
      forgetAnswers();
      navigate(location.pathname, { replace: true, state: { edited: 'saved' } });
    }
  };
  return (
    <div className="inline-form">
      <label className="field">
        <span className="visually-hidden">{t('events.action.statusOf', { action: action.description })}</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          {EVENT_ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`events.actionStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={save} disabled={submission.busy || status === action.status}>
        {t('events.action.save')}
      </button>
      <FormErrors error={submission.error} />
    </div>
  );
}

export function ParticipantsSection({ eventId, names }: { eventId: string; names: Map<string, string> }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const loaded = useApi(`participants|${eventId}`, (signal) => getJson<{ items: Participant[] }>(`/events/${encodeURIComponent(eventId)}/participants`, {}, signal), { remember: false });
  const [toErase, setToErase] = useState<Participant | null>(null);
  const erasing = useSubmission<{ erased: boolean }>();
  const erase = async () => {
    if (!toErase) return;
    await erasing.run(() => write(`/events/${encodeURIComponent(eventId)}/participants/${toErase.id}/erasure`, { method: 'POST' }));
    setToErase(null);
    loaded.retry();
  };
  return (
    <section aria-labelledby="participants-title" className="panel">
      <h2 id="participants-title">{t('events.participants')}</h2>
      <p className="muted">{t('events.participantsAbout')}</p>
      <FormErrors error={erasing.error} />
      {erasing.result && <Done>{t('events.erased')}</Done>}
      <Loadable loaded={loaded}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('events.noParticipants')}</Empty>
          ) : (
            // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls the table, focusable so a keyboard can scroll it
            <div className="table-scroll" role="region" aria-labelledby="participants-caption" tabIndex={0}>
              <table>
                <caption id="participants-caption">{t('events.participantsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.participant.name')}</th>
                    <th scope="col">{t('events.participant.position')}</th>
                    <th scope="col">{t('col.state')}</th>
                    <th scope="col">{t('events.institution')}</th>
                    <th scope="col">{t('events.gender')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('events.participant.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id}>
                      <td>{p.erasedAt ? <span className="muted">{t('events.erasedOn', { date: p.erasedAt.slice(0, 10) })}</span> : <bdi>{p.name}</bdi>}</td>
                      <td>{p.position ? <bdi>{p.position}</bdi> : ''}</td>
                      <td>{p.country ? (names.get(p.country) ?? p.country) : <span className="muted">{t('events.notRecorded')}</span>}</td>
                      <td>{p.institution ? t(`events.institution.${p.institution}`) : <span className="muted">{t('events.notRecorded')}</span>}</td>
                      <td>{p.gender ? t(`events.gender.${p.gender}`) : <span className="muted">{t('events.notRecorded')}</span>}</td>
                      <td>
                        {!p.erasedAt && (
                          <button type="button" className="danger" onClick={() => setToErase(p)}>
                            {t('events.erase')}
                            <span className="visually-hidden">
                              {' '}
                              <bdi>{p.name}</bdi>
                            </span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loadable>
      <ConfirmDialog open={toErase !== null} title={t('events.eraseTitle')} confirmLabel={t('events.erase')} busy={erasing.busy} onConfirm={erase} onCancel={() => setToErase(null)}>
        <p>{t('events.eraseText', { name: `\u2068${toErase?.name ?? ''}\u2069` })}</p>
      </ConfirmDialog>
    </section>
  );
}
