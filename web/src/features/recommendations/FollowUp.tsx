// The follow-up of a recommendation, on its page: where it stands (the latest status the reader
// may see, or "no follow-up recorded", never "not started"), the responsible entity, the history
// of statuses (latest first, each from the date it holds, with who recorded it and when), the
// actions with their evidence and the cooperation projects. Those who may add to it (State
// editors for their State, OHCHR: the API's `canWrite`) get a form for each, one open at a time,
// and may withdraw an entry recorded by mistake, saying why. A withdrawn entry stays listed,
// struck through, with when and why it was withdrawn; it is never the current status or entity.
import { type ReactNode, useRef, useState } from 'react';
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
import { WithdrawForm } from './WithdrawForm.tsx';

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

/** Which entry's withdrawal form is open (one at a time), and what to do once it is withdrawn. */
interface Withdrawing {
  id: string;
  canWrite: boolean;
  open: string | null;
  setOpen: (key: string | null) => void;
  onWithdrawn: () => void;
}

/** One entry of a list: struck through with the reason once withdrawn; for writers, a live entry's "Withdraw". */
function Entry({ part, entry, withdrawing, children }: { part: Part; entry: Pick<Stamped, 'id' | 'withdrawn'>; withdrawing: Withdrawing; children: ReactNode }) {
  const { t, date } = useI18n();
  const key = `${part}/${entry.id}`;
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    withdrawing.setOpen(null);
    // Keyboard users land back where they were.
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <li className={entry.withdrawn ? 'withdrawn' : undefined}>
      <div className="entry-content">{children}</div>
      {entry.withdrawn && (
        <p className="withdrawn-note small">
          {t('fu.withdrawn', { date: date(entry.withdrawn.at.slice(0, 10)) })} <bdi>{entry.withdrawn.reason}</bdi>
        </p>
      )}
      {withdrawing.canWrite &&
        !entry.withdrawn &&
        (withdrawing.open === key ? (
          <WithdrawForm
            path={`/recommendations/${encodeURIComponent(withdrawing.id)}/follow-up/${key}/withdrawal`}
            onDone={() => {
              withdrawing.setOpen(null);
              withdrawing.onWithdrawn();
            }}
            onCancel={close}
          />
        ) : (
          <button ref={button} type="button" className="small" onClick={() => withdrawing.setOpen(key)}>
            {t('fu.withdraw')}
          </button>
        ))}
    </li>
  );
}

function History({ data, onWithdrawn }: { data: FollowUpData; onWithdrawn: () => void }) {
  const { t, date } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const withdrawing: Withdrawing = { id: data.recommendation, canWrite: data.canWrite, open, setOpen, onWithdrawn };
  // The list of entities is shown when it says more than the current one: several, a withdrawn one, or one a writer may withdraw.
  const listEntities = data.entities.length > 1 || (data.entities.length === 1 && (data.canWrite || data.entities[0]!.withdrawn !== null));
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
            <Entry key={s.id} part="statuses" entry={s} withdrawing={withdrawing}>
              <strong>{t(`fu.status.${s.status}`)}</strong> {t('fu.from', { date: date(s.holdsFrom) })}
              {s.note && (
                <>
                  {' '}
                  — <bdi>{s.note}</bdi>
                </>
              )}
              <br />
              <Recorded entry={s} />
            </Entry>
          ))}
        </ol>
      )}
      {listEntities && (
        <>
          <h3>{t('fu.entities')}</h3>
          <ul className="follow-up-entities">
            {data.entities.map((e) => (
              <Entry key={e.id} part="entities" entry={e} withdrawing={withdrawing}>
                <bdi>{e.name}</bdi> <Recorded entry={e} />
              </Entry>
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
            <Entry key={a.id} part="actions" entry={a} withdrawing={withdrawing}>
              <strong>{date(a.date)}</strong> <bdi>{a.description}</bdi>
              {(a.evidenceUrl || a.evidenceText) && (
                <div className="small">
                  {t('fu.evidence')} {a.evidenceUrl && <Evidence value={a.evidenceUrl} />} {a.evidenceText && <bdi>{a.evidenceText}</bdi>}
                </div>
              )}
              <Recorded entry={a} />
            </Entry>
          ))}
        </ul>
      )}
      <h3>{t('fu.projects')}</h3>
      {data.projects.length === 0 ? (
        <p className="muted">{t('fu.noProjects')}</p>
      ) : (
        <ul className="follow-up-projects">
          {data.projects.map((p) => (
            <Entry key={p.id} part="projects" entry={p} withdrawing={withdrawing}>
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
            </Entry>
          ))}
        </ul>
      )}
    </>
  );
}

export function FollowUp({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const loaded = useApi(`follow-up|${id}|${lang}`, (signal) => getJson<FollowUpData>(`/recommendations/${encodeURIComponent(id)}/follow-up`, {}, signal));
  // Kept here, above the reload that follows a write, so that the notice outlives it: the key of what it says.
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section aria-labelledby="follow-up-title" className="follow-up">
      <h2 id="follow-up-title">{t('fu.title')}</h2>
      <p role="status" className={saved ? 'notice' : 'visually-hidden'}>
        {saved ? t(saved) : ''}
      </p>
      <Loadable loaded={loaded}>
        {(data) => (
          <>
            <History
              data={data}
              onWithdrawn={() => {
                setSaved('fu.saved.withdrawn');
                loaded.retry();
              }}
            />
            {data.canWrite && (
              <Tools
                id={id}
                state={data.state}
                onSaved={(part) => {
                  setSaved(part && `fu.saved.${part}`);
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
