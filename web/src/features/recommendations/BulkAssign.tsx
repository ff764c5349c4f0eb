// "Assign a status or entity to these results", on the search page, for those who may record
// follow-up (OHCHR, State editors). The search as it stands is the set: the form first asks the
// API for a count (a dry run), says how many recommendations would be given the status or entity
// (or how many are out of the editor's reach, naming one), and only a confirmation in a dialog
// applies it, in one write.
import { type FormEvent, useRef, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { forgetAnswers } from '../../api/useApi.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { FOLLOW_UP_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessPicker, EditField } from '../edits/fields.tsx';
import { type AccessDraft, accessBody, accessProblems, type FieldSpec, fieldProblems, type Values } from '../edits/rules.ts';

interface BulkResult {
  matched: number;
  applied: number;
  dryRun: boolean;
  outOfScope: { count: number; example: string; states: string[] } | null;
}

/** Whether the reader may record follow-up for some recommendations: OHCHR, or a State's editor. */
export function useMayAssign(): boolean {
  const { can } = useAuth();
  return can.editAll || can.editScopes.some((scope) => scope.startsWith('state:'));
}

function assignmentOf(values: Values, access: AccessDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { ...accessBody(access) };
  if (values.status) body.status = { status: values.status, holdsFrom: values.holdsFrom?.trim(), ...(values.note?.trim() ? { note: values.note.trim() } : {}) };
  if (values.entity?.trim()) body.entity = { name: values.entity.trim() };
  return body;
}

export function BulkAssign({ filter, total, onDone }: { filter: Record<string, string>; total: number; onDone: () => void }) {
  const { t, number } = useI18n();
  const { write } = useAuth();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>({ status: '' });
  const [access, setAccess] = useState<AccessDraft>({ level: 'public', audience: [] });
  const [checked, setChecked] = useState(false);
  const [preview, setPreview] = useState<BulkResult | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const submission = useSubmission<BulkResult>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error);

  const fields: FieldSpec[] = [
    { name: 'status', kind: 'select', label: t('fu.status'), options: [['', t('fu.bulk.noStatus')], ...FOLLOW_UP_STATUSES.map((s): [string, string] => [s, t(`fu.status.${s}`)])] },
    { name: 'holdsFrom', kind: 'date', label: t('fu.holdsFrom'), required: Boolean(values.status) },
    { name: 'note', kind: 'textarea', label: t('fu.note'), max: 2000 },
    { name: 'entity', kind: 'text', label: t('fu.entity'), hint: t('fu.entity.hint'), max: 300 },
  ];
  const nothing = !values.status && !values.entity?.trim();
  const rules = checked ? [...fieldProblems(fields, values), ...accessProblems(access)] : [];
  const problems = { rules, error: submission.error };
  const labels = Object.fromEntries([...fields.map((f) => [f.name, f.label]), ['status.holdsFrom', t('fu.holdsFrom')], ['entity.name', t('fu.entity')]]);
  const send = (dryRun: boolean) => write<BulkResult>('/follow-up/assignments', { method: 'POST', body: { filter, ...assignmentOf(values, access), dryRun } });

  const check = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setDone(null);
    if (nothing || fieldProblems(fields, values).length || accessProblems(access).length) return;
    const result = await submission.run(() => send(true));
    setPreview(result && !result.outOfScope && result.matched > 0 ? result : null);
  };
  const apply = async () => {
    const result = await submission.run(() => send(false));
    setPreview(null);
    if (result) {
      setDone(result.applied);
      setOpen(false);
      forgetAnswers();
      onDone();
    }
  };

  const last = submission.result;
  return (
    <div className="bulk-assign">
      {done !== null && (
        <p role="status" className="notice">
          {t('fu.bulk.done', { count: number(done) })}
        </p>
      )}
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('fu.bulk.open', { count: number(total) })}
      </button>
      {open && (
        <form ref={form} className="stacked edit-form panel" onSubmit={check} noValidate aria-labelledby="bulk-assign-title">
          <h3 id="bulk-assign-title">{t('fu.bulk.title')}</h3>
          <FormErrors error={submission.error} labels={labels} />
          {checked && nothing && (
            <p className="form-errors" role="alert">
              {t('fu.bulk.nothing')}
            </p>
          )}
          {last?.dryRun && last.outOfScope && (
            <p className="form-errors" role="alert">
              {t('fu.bulk.outOfScope', { count: number(last.outOfScope.count), total: number(last.matched), example: last.outOfScope.example })}
            </p>
          )}
          {last?.dryRun && last.matched === 0 && (
            <p className="form-errors" role="alert">
              {t('fu.bulk.zero')}
            </p>
          )}
          {fields.map((spec) => (
            <EditField key={spec.name} spec={spec} value={values[spec.name] ?? ''} onChange={(value) => setValues((v) => ({ ...v, [spec.name]: value }))} problems={problems} />
          ))}
          <AccessPicker access={access} onChange={setAccess} problems={problems} keepOption={false} />
          <div className="buttons">
            <button type="submit" className="primary" disabled={submission.busy}>
              {t('fu.bulk.check')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('confirm.cancel')}
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={preview !== null}
        title={t('fu.bulk.title')}
        confirmLabel={t('fu.bulk.confirm', { count: number(preview?.matched ?? 0) })}
        onConfirm={apply}
        onCancel={() => setPreview(null)}
        busy={submission.busy}
      >
        <p>{t('fu.bulk.preview', { count: number(preview?.matched ?? 0) })}</p>
      </ConfirmDialog>
    </div>
  );
}
