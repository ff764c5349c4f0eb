// Moving a mandate (administrators and OHCHR editors): its status with a note and the day it took
// effect, the body, session or day it is due at, and what answers it (a report, a document, a
// development in the registry) as rows. PATCH /api/v1/mandates/{id} sends only what changed,
// with If-Match naming the version read; a refusal is shown beside its field, and a change made
// meanwhile by someone else (412) is said, with their status, and the form kept to send again on
// the current version.
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson, StaleVersionError } from '../../api/client.ts';
import type { Mandate } from '../../api/types.ts';
import { forgetAnswers, useApi } from '../../api/useApi.ts';
import { Field, FormErrors, SelectField, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { ReasonField } from '../edits/fields.tsx';
import { RowsEditor } from '../requests/RowsEditor.tsx';
import { MANDATE_ANSWER_KINDS, MANDATE_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { type Draft, changes, draftOf } from './mandate-form.ts';
import { Due, MandateStatus, paragraphPath } from './parts.tsx';

export function MandateEditPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <MandateEdit />}</Guard>;
}

function MandateEdit() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const loaded = useApi(`mandate|${id}`, (signal) => getJson<Mandate>(`/mandates/${encodeURIComponent(id)}`, {}, signal), { remember: false });
  usePageTitle(loaded.data ? t('mandates.editTitle', { ref: loaded.data.ref }) : undefined);
  return <Loadable loaded={loaded}>{(m) => <MandateForm mandate={m} />}</Loadable>;
}

function MandateForm({ mandate: m }: { mandate: Mandate }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const id = useId();
  const read = draftOf(m);
  const [draft, setDraft] = useState<Draft>(read);
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState(m.version);
  const [theirs, setTheirs] = useState<Mandate | null>(null);
  const [sessionProblem, setSessionProblem] = useState<string | undefined>();
  const submission = useSubmission<unknown>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error ?? sessionProblem);
  const set = (name: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const back = href(paragraphPath(m));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const session = draft.dueSession.trim();
    if (session && !/^\d{1,3}$/.test(session)) {
      setSessionProblem(t('mandates.form.sessionRule'));
      submission.reset();
      return;
    }
    setSessionProblem(undefined);
    const result = await submission.run(async () => {
      try {
        return await write(`/mandates/${encodeURIComponent(m.id)}`, { method: 'PATCH', body: changes(draft, read), ifMatch: `"v${version}"`, reason });
      } catch (error) {
        if (error instanceof StaleVersionError) {
          const current = error.current as Mandate | null;
          setTheirs(current && typeof current === 'object' && 'status' in current ? current : null);
          const next = error.etag?.match(/\d+/)?.[0] ?? (current?.version ? String(current.version) : null);
          if (next) setVersion(Number(next));
        }
        throw error;
      }
    });
    if (result !== undefined) {
      forgetAnswers();
      navigate(back, { state: { edited: 'saved' } });
    }
  };

  const stale = submission.error instanceof StaleVersionError;
  const labels = {
    status: t('col.status'),
    statusNote: t('mandates.form.statusNote'),
    statusDate: t('mandates.form.statusDate'),
    dueBody: t('mandates.form.dueBody'),
    dueSession: t('mandates.form.dueSession'),
    dueDate: t('mandates.form.dueDate'),
    answers: t('mandates.answers'),
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/mandates')}>{t('mandates.title')}</Link> ›{' '}
        <Link to={back} dir="ltr">
          {m.ref}
        </Link>
      </p>
      <h1>{t('mandates.editTitle', { ref: m.anchor })}</h1>
      <blockquote lang="en" dir="ltr" className="mandate-text">
        {m.text}
      </blockquote>
      <dl className="facts">
        <dt>{t('mandates.asked')}</dt>
        <dd lang="en" dir="ltr">
          {m.verb} {m.addressee}
        </dd>
        <dt>{t('mandates.due')}</dt>
        <dd>
          <Due due={m.due} />
        </dd>
        <dt>{t('col.status')}</dt>
        <dd>
          <MandateStatus mandate={m} />
        </dd>
      </dl>
      <form ref={form} className="stacked edit-form mandate-form" onSubmit={submit} noValidate>
        {stale ? (
          <div className="form-errors stale" role="alert" tabIndex={-1}>
            <p>
              <strong>{t('mandates.form.stale')}</strong>
            </p>
            {theirs && (
              <p>
                {t('mandates.form.theirStatus')} <MandateStatus mandate={theirs} />
              </p>
            )}
            <p>{t('edit.stale.again')}</p>
          </div>
        ) : (
          <FormErrors error={submission.error} labels={labels} />
        )}
        <SelectField
          label={labels.status}
          name="status"
          value={draft.status}
          onChange={set('status')}
          options={MANDATE_STATUSES.map((s): [string, string] => [s, t(`mandates.status.${s}`)])}
          error={submission.error}
        />
        <div className="form-field">
          <label htmlFor={`${id}-note`}>
            {labels.statusNote} <span className="muted">{t('edit.optional')}</span>
          </label>
          <textarea id={`${id}-note`} name="statusNote" rows={3} maxLength={2000} value={draft.statusNote} onChange={(e) => set('statusNote')(e.target.value)} />
        </div>
        <Field label={labels.statusDate} name="statusDate" value={draft.statusDate} onChange={set('statusDate')} hint={t('edit.hint.date')} dir="ltr" autoComplete="off" error={submission.error} />
        <fieldset className="panel">
          <legend>{t('mandates.due')}</legend>
          <p className="hint">{t('mandates.form.dueHint')}</p>
          <Field label={labels.dueBody} name="dueBody" value={draft.dueBody} onChange={set('dueBody')} lang="en" dir="ltr" autoComplete="off" error={submission.error} />
          <Field
            label={labels.dueSession}
            name="dueSession"
            value={draft.dueSession}
            onChange={set('dueSession')}
            inputMode="numeric"
            dir="ltr"
            autoComplete="off"
            error={submission.error}
            problem={sessionProblem}
          />
          <Field label={labels.dueDate} name="dueDate" value={draft.dueDate} onChange={set('dueDate')} hint={t('mandates.form.dayHint')} dir="ltr" autoComplete="off" error={submission.error} />
        </fieldset>
        <RowsEditor
          legend={labels.answers}
          path="answers"
          fields={[
            { name: 'kind', label: t('mandates.form.answerKind'), options: MANDATE_ANSWER_KINDS.map((k): [string, string] => [k, t(`mandates.answerKind.${k}`)]) },
            { name: 'ref', label: t('mandates.form.answerRef'), hint: t('mandates.form.answerRefHint'), ltr: true },
            { name: 'note', label: t('col.note'), optional: true, multiline: true },
          ]}
          rows={draft.answers}
          onChange={(answers) => setDraft((d) => ({ ...d, answers }))}
          blank={{ kind: 'report', ref: '', note: '' }}
          rowLabel={(n) => t('mandates.form.answerRow', { n })}
          addLabel={t('mandates.form.addAnswer')}
          error={submission.error}
        />
        <ReasonField value={reason} onChange={setReason} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={submission.busy}>
            {stale ? t('edit.applyAgain') : t('edit.save')}
          </button>
          <Link className="button-link" to={back}>
            {t('confirm.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
