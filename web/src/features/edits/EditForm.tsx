// One form for every record of the registry: its fields, the source of the change, who may see
// the record, and why (X-Reason). It checks what it can before sending (in the page's language),
// shows each of the API's problems next to its field, and moves focus to the first field at
// fault. When someone else changed the record meanwhile (412), it says so, shows their values
// beside the reader's, and keeps the reader's changes to apply again on the current version.
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, StaleVersionError } from '../../api/client.ts';
import { forgetAnswers } from '../../api/useApi.ts';
import { FormErrors, useSubmission } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessPicker, EditField, ReasonField, SourcePicker } from './fields.tsx';
import {
  type AccessDraft,
  accessBody,
  accessProblems,
  createBody,
  differing,
  emptySource,
  type FieldSpec,
  fieldProblems,
  type RuleProblem,
  type SourceDraft,
  shownValues,
  sourceBody,
  sourceProblems,
  updateBody,
  type Values,
} from './rules.ts';

export interface WriteRequest {
  body: Record<string, unknown>;
  ifMatch: string | null;
  reason: string;
}

export interface EditFormProps<T> {
  /** The record's fields; a function of the values when they depend on them (the procedures of the instrument chosen). */
  fields: FieldSpec[] | ((values: Values) => FieldSpec[]);
  /** The record's values as read (an update), or the defaults of a new one. */
  initial: Values;
  mode: 'create' | 'update';
  /** The record's version (an update). */
  version?: number;
  /** On an update, who may see the record as its view gives it (else "leave as it is"). */
  access?: AccessDraft;
  send: (request: WriteRequest) => Promise<T>;
  onDone: (result: T) => void;
  onCancel: () => void;
  /** The record as the API answered a 412, as the form's values (null when unknown). */
  valuesOf: (current: unknown) => Values | null;
  submitLabel: string;
  /** The labels of fields the children edit (lists of parts: `budget`), for the summary of problems. */
  partLabels?: Record<string, string>;
  /** Shown before the record's fields (a note, or lists of parts). */
  children?: ReactNode;
  /** Lists of parts shown after the record's fields, before the source (an obstacle's evidence). */
  parts?: ReactNode;
}

export function EditForm<T>({ fields, initial, mode, version, access: initialAccess, send, onDone, onCancel, valuesOf, submitLabel, partLabels, children, parts }: EditFormProps<T>) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(initial);
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const [access, setAccess] = useState<AccessDraft>(initialAccess ?? { level: mode === 'create' ? 'public' : '', audience: [] });
  const [reason, setReason] = useState('');
  const [rules, setRules] = useState<RuleProblem[]>([]);
  const [ifMatch, setIfMatch] = useState<string | null>(version === undefined ? null : `"v${version}"`);
  const [current, setCurrent] = useState<Values | null>(null);
  const [attempt, setAttempt] = useState(0);
  const submission = useSubmission<T>();
  const form = useRef<HTMLFormElement>(null);

  // After a refusal (here or by the API), focus goes to the first field at fault, else to the summary.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per attempt that failed
  useEffect(() => {
    if (attempt === 0 || submission.busy) return;
    if (rules.length === 0 && !submission.error) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('.form-errors, .stale');
    target?.focus();
  }, [attempt, submission.busy]);

  const fieldsOfMode = (typeof fields === 'function' ? fields(values) : fields).filter((f) => mode === 'create' || !f.createOnly);
  const fieldsShown = fieldsOfMode.filter((f) => !f.shownIf || f.shownIf(values));
  const labels: Record<string, string> = Object.fromEntries([
    ...fieldsOfMode.map((f) => [f.name.split('.')[0]!, f.label]),
    ['source', t('edit.source')],
    ['confidentiality', t('edit.access')],
    ['audience', t('edit.audience')],
    ...Object.entries(partLabels ?? {}),
  ]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = shownValues(fieldsOfMode, values);
    const found = [...fieldProblems(fieldsOfMode, sent), ...sourceProblems(source), ...accessProblems(access)];
    setRules(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) {
      submission.reset();
      return;
    }
    const body = { ...(mode === 'create' ? createBody(fieldsOfMode, sent) : updateBody(fieldsOfMode, sent, initial)), ...accessBody(access, initialAccess), source: sourceBody(source) };
    const result = await submission.run(async () => {
      try {
        return await send({ body, ifMatch, reason });
      } catch (error) {
        if (error instanceof StaleVersionError) {
          const now = valuesOf(error.current);
          setCurrent(now);
          const currentVersion = (error.current as { version?: number } | null)?.version;
          setIfMatch(error.etag ?? (currentVersion ? `"v${currentVersion}"` : ifMatch));
        }
        throw error;
      }
    });
    setAttempt((n) => n + 1);
    if (result !== undefined) {
      // What the app keeps in memory was read before the change.
      forgetAnswers();
      onDone(result);
    }
  };

  const stale = submission.error instanceof StaleVersionError;
  const changedByOthers = current ? differing(fieldsOfMode, current, initial) : [];
  const problemsOf = { rules, error: submission.error };
  return (
    <form ref={form} className="stacked edit-form" onSubmit={submit} noValidate>
      {rules.length > 0 && <RuleSummary problems={rules} labels={labels} />}
      {stale ? (
        <div className="form-errors stale" role="alert" tabIndex={-1}>
          <p>
            <strong>{t('edit.stale')}</strong>
          </p>
          {current && changedByOthers.length > 0 ? (
            <table className="stale-values">
              <caption>{t('edit.stale.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="stale-cell">
                    {t('edit.field')}
                  </th>
                  <th scope="col" className="stale-cell">
                    {t('edit.stale.theirs')}
                  </th>
                  <th scope="col" className="stale-cell">
                    {t('edit.stale.yours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {changedByOthers.map((f) => (
                  <tr key={f.name}>
                    <th scope="row" className="stale-cell">
                      {f.label}
                    </th>
                    <td className="stale-cell">
                      <bdi>{current[f.name] || '—'}</bdi>
                    </td>
                    <td className="stale-cell">
                      <bdi>{values[f.name] || '—'}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            current && <p>{t('edit.stale.noFieldDiffers')}</p>
          )}
          <p>{t('edit.stale.again')}</p>
        </div>
      ) : (
        <FormErrors error={submission.error} labels={labels}>
          {submission.error instanceof ApiError && submission.error.status === 401 && <p>{t('edit.signInAgain')}</p>}
        </FormErrors>
      )}
      {children}
      {fieldsShown.map((spec) => (
        <EditField key={spec.name} spec={spec} value={values[spec.name] ?? ''} onChange={(value) => setValues((v) => ({ ...v, [spec.name]: value }))} problems={problemsOf} />
      ))}
      {parts}
      <SourcePicker source={source} onChange={setSource} problems={problemsOf} />
      <AccessPicker access={access} onChange={setAccess} problems={problemsOf} keepOption={mode === 'update' && !initialAccess} />
      <ReasonField value={reason} onChange={setReason} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={submission.busy}>
          {stale ? t('edit.applyAgain') : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}

function RuleSummary({ problems, labels }: { problems: RuleProblem[]; labels: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <div className="form-errors" role="alert" tabIndex={-1}>
      <p>
        <strong>{t('errors.validation')}</strong>
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p.field + p.reason}>
            {labels[p.field] ?? labels[p.field.split('.')[0]!] ?? p.field}
            {p.field.startsWith('source.') && ` (${t(`edit.source.${p.field.slice(7)}`)})`}: {t(p.reason, p.vars)}
          </li>
        ))}
      </ul>
    </div>
  );
}
