// One form of the follow-up (a status, the responsible entity, an action, a project link): its
// fields as the edit forms draw them, who may see the entry, checked before sending by the same
// rules as the API, and the API's refusal said next to each field. Entries are added, never
// overwritten, so no version is sent.
import { type FormEvent, useRef, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { forgetAnswers } from '../../api/useApi.ts';
import { FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessPicker, EditField } from '../edits/fields.tsx';
import { type AccessDraft, accessBody, accessProblems, type FieldSpec, fieldProblems, type Values } from '../edits/rules.ts';

export interface FollowUpFormProps {
  /** The API address the form posts to (below /api/v1). */
  path: string;
  fields: FieldSpec[];
  initial?: Values;
  submitLabel: string;
  onDone: () => void;
  onCancel: () => void;
}

/** The body: every field filled in, by its name; empty fields are left out. */
function bodyOf(fields: FieldSpec[], values: Values): Record<string, string> {
  return Object.fromEntries(fields.flatMap((f) => (values[f.name]?.trim() ? [[f.name, values[f.name]!.trim()]] : [])));
}

export function FollowUpForm({ path, fields, initial = {}, submitLabel, onDone, onCancel }: FollowUpFormProps) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [values, setValues] = useState<Values>(initial);
  const [access, setAccess] = useState<AccessDraft>({ level: 'public', audience: [] });
  const [checked, setChecked] = useState(false);
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error);
  const rules = checked ? [...fieldProblems(fields, values), ...accessProblems(access)] : [];
  const problems = { rules, error: submission.error };
  const labels = Object.fromEntries([...fields.map((f) => [f.name, f.label]), ['confidentiality', t('edit.access')], ['audience', t('edit.audience')]]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (fieldProblems(fields, values).length || accessProblems(access).length) {
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const done = await submission.run(() => write(path, { method: 'POST', body: { ...bodyOf(fields, values), ...accessBody(access) } }));
    if (done !== undefined) {
      forgetAnswers();
      onDone();
    }
  };

  return (
    <form ref={form} className="stacked edit-form follow-up-form" onSubmit={submit} noValidate>
      <FormErrors error={submission.error} labels={labels} />
      {fields.map((spec) => (
        <EditField key={spec.name} spec={spec} value={values[spec.name] ?? ''} onChange={(value) => setValues((v) => ({ ...v, [spec.name]: value }))} problems={problems} />
      ))}
      <AccessPicker access={access} onChange={setAccess} problems={problems} keepOption={false} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={submission.busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}
