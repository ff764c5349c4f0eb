// The follow-up of a recommendation, on its page: where it stands (the latest status the reader
// may see, or "no follow-up recorded", never "not started"), the responsible entity, the history
// of statuses (latest first, each from the date it holds, with who recorded it and when), the
// actions with their evidence and the cooperation projects. Those who may add to it (State
// editors for their State, OHCHR: the API's `canWrite`) get a form for each, one open at a time.
import { useState } from 'react';
import { getJson } from '../../api/client.ts';
import type { FollowUp as FollowUpData } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { isWebAddress } from '../../../../src/shared/source-address.ts';
import { FOLLOW_UP_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessBadge } from '../edits/AccessLevel.tsx';
import type { FieldSpec } from '../edits/rules.ts';
import { FollowUpForm } from './FollowUpForm.tsx';

type Part = 'statuses' | 'entities' | 'actions' | 'projects';
type Stamped = FollowUpData['statuses'][number];

function Recorded({ entry }: { entry: Pick<Stamped, 'recordedByName' | 'recordedAt' | 'confidentiality' | 'audience'> }) {
  const { t, date } = useI18n();
  const day = entry.recordedAt.slice(0, 10);
  return (
    <span className="muted small">
      {entry.recordedByName ? t('fu.recordedBy', { name: entry.recordedByName, date: date(day) }) : t('fu.recordedOn', { date: date(day) })} <AccessBadge record={entry} />
    </span>
  );
}

/** A link only to a web address; a UN document symbol is shown as text. */
function Evidence({ value }: { value: string }) {
  return isWebAddress(value) ? (
    <a href={value} rel="noreferrer">
      <bdi>{value}</bdi>
    </a>
  ) : (
    <bdi>{value}</bdi>
  );
}

function useFields(part: Part, state: string): FieldSpec[] {
  const { t } = useI18n();
  switch (part) {
    case 'statuses':
      return [
        { name: 'status', kind: 'select', label: t('fu.status'), required: true, options: FOLLOW_UP_STATUSES.map((s) => [s, t(`fu.status.${s}`)]) },
        { name: 'holdsFrom', kind: 'date', label: t('fu.holdsFrom'), required: true },
        { name: 'note', kind: 'textarea', label: t('fu.note'), max: 2000 },
      ];
    case 'entities':
      return [
        { name: 'name', kind: 'text', label: t('fu.entity'), hint: t('fu.entity.hint'), required: true, max: 300 },
        { name: 'state', kind: 'iso3', label: t('fu.entityState'), hint: t('fu.entityState.hint', { state }) },
      ];
    case 'actions':
      return [
        { name: 'date', kind: 'date', label: t('col.date'), required: true },
        { name: 'description', kind: 'textarea', label: t('fu.description'), required: true, max: 2000 },
        { name: 'evidenceUrl', kind: 'text', label: t('fu.evidenceUrl'), hint: t('fu.evidenceUrl.hint'), max: 1000 },
        { name: 'evidenceText', kind: 'textarea', label: t('fu.evidenceText'), max: 4000 },
      ];
    case 'projects':
      return [
        { name: 'title', kind: 'text', label: t('fu.projectTitle'), required: true, max: 500 },
        { name: 'url', kind: 'url', label: t('fu.projectUrl'), required: true, max: 500 },
        { name: 'projectId', kind: 'text', label: t('fu.projectId'), hint: t('fu.projectId.hint'), max: 100 },
      ];
  }
}

function PartForm({ id, part, state, onDone, onCancel }: { id: string; part: Part; state: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const fields = useFields(part, state);
  return (
    <FollowUpForm
      path={`/recommendations/${encodeURIComponent(id)}/follow-up/${part}`}
      fields={fields}
      initial={part === 'statuses' ? { status: 'in-progress' } : {}}
      submitLabel={t(`fu.add.${part}`)}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

function Tools({ id, state, onSaved }: { id: string; state: string; onSaved: (part: Part | null) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Part | null>(null);
  return (
    <div className="follow-up-tools">
      {open ? (
        <PartForm
          id={id}
          part={open}
          state={state}
          onDone={() => {
            setOpen(null);
            onSaved(open);
          }}
          onCancel={() => setOpen(null)}
        />
      ) : (
        <div className="buttons">
          {(['statuses', 'entities', 'actions', 'projects'] as const).map((part) => (
            <button
              key={part}
              type="button"
              onClick={() => {
                onSaved(null);
                setOpen(part);
              }}
            >
              {t(`fu.open.${part}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function History({ data }: { data: FollowUpData }) {
  const { t, date } = useI18n();
  return (
    <>
      <dl className="facts">
        <dt>{t('fu.current')}</dt>
        <dd data-testid="follow-up-current">{data.status ? t('fu.currentStatus', { status: t(`fu.status.${data.status.status}`), date: date(data.status.holdsFrom) }) : t('fu.none')}</dd>
        <dt>{t('fu.entity')}</dt>
        <dd>{data.entity ? <bdi>{data.entity.name}</bdi> : t('fu.noEntity')}</dd>
      </dl>
      <h3>{t('fu.history')}</h3>
      {data.statuses.length === 0 ? (
        <p className="muted">{t('fu.none')}</p>
      ) : (
        <ol className="follow-up-history" aria-label={t('fu.history')}>
          {data.statuses.map((s) => (
            <li key={s.id}>
              <strong>{t(`fu.status.${s.status}`)}</strong> {t('fu.from', { date: date(s.holdsFrom) })}
              {s.note && (
                <>
                  {' '}
                  — <bdi>{s.note}</bdi>
                </>
              )}
              <br />
              <Recorded entry={s} />
            </li>
          ))}
        </ol>
      )}
      {data.entities.length > 1 && (
        <>
          <h3>{t('fu.entities')}</h3>
          <ul>
            {data.entities.map((e) => (
              <li key={e.id}>
                <bdi>{e.name}</bdi> <Recorded entry={e} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('fu.actions')}</h3>
      {data.actions.length === 0 ? (
        <p className="muted">{t('fu.noActions')}</p>
      ) : (
        <ul className="follow-up-actions">
          {data.actions.map((a) => (
            <li key={a.id}>
              <strong>{date(a.date)}</strong> <bdi>{a.description}</bdi>
              {(a.evidenceUrl || a.evidenceText) && (
                <div className="small">
                  {t('fu.evidence')} {a.evidenceUrl && <Evidence value={a.evidenceUrl} />} {a.evidenceText && <bdi>{a.evidenceText}</bdi>}
                </div>
              )}
              <Recorded entry={a} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('fu.projects')}</h3>
      {data.projects.length === 0 ? (
        <p className="muted">{t('fu.noProjects')}</p>
      ) : (
        <ul>
          {data.projects.map((p) => (
            <li key={p.id}>
              {isWebAddress(p.url) ? (
                <a href={p.url} rel="noreferrer">
                  <bdi>{p.title}</bdi>
                </a>
              ) : (
                <bdi>{p.title}</bdi>
              )}
              {p.projectId && (
                <>
                  {' '}
                  <span className="muted">
                    (<bdi>{p.projectId}</bdi>)
                  </span>
                </>
              )}{' '}
              <Recorded entry={p} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function FollowUp({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const loaded = useApi(`follow-up|${id}|${lang}`, (signal) => getJson<FollowUpData>(`/recommendations/${encodeURIComponent(id)}/follow-up`, {}, signal));
  // Kept here, above the reload that follows a write, so that the notice outlives it.
  const [saved, setSaved] = useState<Part | null>(null);
  return (
    <section aria-labelledby="follow-up-title" className="follow-up">
      <h2 id="follow-up-title">{t('fu.title')}</h2>
      <p role="status" className={saved ? 'notice' : 'visually-hidden'}>
        {saved ? t(`fu.saved.${saved}`) : ''}
      </p>
      <Loadable loaded={loaded}>
        {(data) => (
          <>
            <History data={data} />
            {data.canWrite && (
              <Tools
                id={id}
                state={data.state}
                onSaved={(part) => {
                  setSaved(part);
                  if (part) loaded.retry();
                }}
              />
            )}
          </>
        )}
      </Loadable>
    </section>
  );
}
