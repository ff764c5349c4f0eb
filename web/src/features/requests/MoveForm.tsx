// Moves a request on in its workflow (POST /requests/{id}/steps, If-Match its version): the
// statuses the API says may come next, the day, and why. The API's refusal (a move the workflow
// does not allow, a day before the last step's, a decline without a reason, an answer with
// nothing linked that answers it) is shown next to the field it names, in the page's language
// where the reason is a common one, and focus goes to that field.
import { type FormEvent, useId, useRef, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { forgetAnswers } from '../../api/useApi.ts';
import { Field, FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { today } from '../../../../src/shared/dates.ts';
import { Messages, useMessages } from '../edits/field-problems.tsx';
import type { AssistanceRequest } from './types.ts';

export function MoveForm({ request, onMoved }: { request: AssistanceRequest; onMoved: () => void }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const id = useId();
  const [status, setStatus] = useState(request.next[0] ?? '');
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error);
  const statusMessages = useMessages({ rules: [], error: submission.error }, 'status');
  const reasonMessages = useMessages({ rules: [], error: submission.error }, 'reason');
  if (request.next.length === 0) return <p className="muted">{t('requests.move.none')}</p>;
  const labels = { status: t('requests.move.status'), date: t('requests.move.date'), reason: t('requests.move.reason') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { status, date: date.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) };
    const done = await submission.run(() => write(`/requests/${encodeURIComponent(request.id)}/steps`, { body, ifMatch: `"v${request.version}"` }));
    if (done !== undefined) {
      forgetAnswers();
      onMoved();
    }
  };

  return (
    <form ref={form} className="stacked move-form" onSubmit={submit} noValidate>
      <FormErrors error={submission.error} labels={labels} />
      <div className="form-field">
        <label htmlFor={`${id}-status`}>{labels.status}</label>
        <select
          id={`${id}-status`}
          value={status}
          aria-invalid={statusMessages.length ? true : undefined}
          aria-describedby={statusMessages.length ? `${id}-status-error` : undefined}
          onChange={(e) => setStatus(e.target.value)}
        >
          {request.next.map((s) => (
            <option key={s} value={s}>
              {t(`requests.statusName.${s}`)}
            </option>
          ))}
        </select>
        <Messages id={`${id}-status-error`} messages={statusMessages} />
      </div>
      <Field label={labels.date} name="date" value={date} onChange={setDate} hint={t('requests.move.dateHint')} error={submission.error} dir="ltr" inputMode="numeric" autoComplete="off" />
      <div className="form-field">
        <label htmlFor={`${id}-reason`}>
          {labels.reason} <span className="muted">{t('edit.optional')}</span>
        </label>
        <span id={`${id}-reason-hint`} className="hint">
          {t('requests.move.reasonHint')}
        </span>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={2000}
          value={reason}
          aria-invalid={reasonMessages.length ? true : undefined}
          aria-describedby={[`${id}-reason-hint`, reasonMessages.length ? `${id}-reason-error` : ''].filter(Boolean).join(' ')}
          onChange={(e) => setReason(e.target.value)}
        />
        <Messages id={`${id}-reason-error`} messages={reasonMessages} />
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={submission.busy}>
          {t('requests.move.submit')}
        </button>
      </div>
    </form>
  );
}
