// Withdrawing one follow-up entry recorded by mistake: a reason is required (the history shows
// it), checked before sending by the same rule as the API, and the API's refusal (a 409 when
// someone withdrew it first, a 403…) shown at the top of the form. Escape cancels. Entries carry
// no version, so none is sent: the API refuses a second withdrawal by itself.
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { forgetAnswers } from '../../api/useApi.ts';
import { FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EditField } from '../edits/fields.tsx';
import { type FieldSpec, fieldProblems } from '../edits/rules.ts';

export interface WithdrawFormProps {
  /** The API address of the withdrawal (below /api/v1). */
  path: string;
  onDone: () => void;
  onCancel: () => void;
}

export function WithdrawForm({ path, onDone, onCancel }: WithdrawFormProps) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error);
  const spec: FieldSpec = { name: 'reason', kind: 'textarea', label: t('fu.withdraw.reason'), hint: t('fu.withdraw.hint'), required: true, max: 500 };
  const problems = { rules: checked ? fieldProblems([spec], { reason }) : [], error: submission.error };

  // The form opens where the button was: the reason is what to type first.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (fieldProblems([spec], { reason }).length) {
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const done = await submission.run(() => write(path, { method: 'POST', body: { reason: reason.trim() } }));
    if (done !== undefined) {
      forgetAnswers();
      onDone();
    }
  };

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };

  return (
    <form ref={form} className="stacked edit-form follow-up-withdraw" onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
      <FormErrors error={submission.error} labels={{ reason: spec.label }} />
      <EditField spec={spec} value={reason} onChange={setReason} problems={problems} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={submission.busy}>
          {t('fu.withdraw.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}
