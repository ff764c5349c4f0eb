// The parts of every form: labelled fields with their hint and error tied to the input
// (aria-describedby, aria-invalid), a summary of what the API refused, said in the page's
// language, and focus moved to the first field at fault (or to the summary) after a refusal,
// so a keyboard or screen-reader user lands where the work is.
import { type InputHTMLAttributes, type ReactNode, type Ref, type RefObject, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Problem } from '../api/client.ts';
import { type ErrorContext, errorText, problemsByField, problemText, reasonText, type Said } from '../api/problems.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Text that may be the API's English: marked so, for screen readers and the bidi algorithm. */
export function SaidText({ said }: { said: Said }) {
  if (!said.english) return said.text;
  return (
    <span lang="en" dir="ltr">
      {said.text}
    </span>
  );
}

export interface Submission<T> {
  busy: boolean;
  error: unknown;
  /** The last success's answer. */
  result: T | undefined;
  /** Runs the action once at a time; keeps its error or answer. Returns the answer, or undefined on failure. */
  run: (action: () => Promise<T>) => Promise<T | undefined>;
  /** Forgets the error and the answer. */
  reset: () => void;
}

export function useSubmission<T = unknown>(): Submission<T> {
  const [state, setState] = useState<{ busy: boolean; error: unknown; result: T | undefined }>({ busy: false, error: undefined, result: undefined });
  const busy = useRef(false);
  const run = useCallback(async (action: () => Promise<T>) => {
    if (busy.current) return undefined;
    busy.current = true;
    setState({ busy: true, error: undefined, result: undefined });
    try {
      const result = await action();
      setState({ busy: false, error: undefined, result });
      return result;
    } catch (error) {
      setState({ busy: false, error, result: undefined });
      return undefined;
    } finally {
      busy.current = false;
    }
  }, []);
  const reset = useCallback(() => setState({ busy: false, error: undefined, result: undefined }), []);
  return { ...state, run, reset };
}

/** After a refusal, focus goes to the first field marked invalid in the form, else to the summary. */
export function useFocusOnError(form: RefObject<HTMLElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error || !form.current) return;
    const target = form.current.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current.querySelector<HTMLElement>('.form-errors');
    target?.focus();
  }, [error, form]);
}

/** What went wrong, at the top of a form: one sentence, then each problem with its field's label. */
export function FormErrors({ error, labels = {}, context = 'write', children }: { error: unknown; labels?: Record<string, string>; context?: ErrorContext; children?: ReactNode }) {
  const { t } = useI18n();
  if (!error) return null;
  const details = error instanceof Error && 'details' in error ? (error.details as Problem[]) : [];
  return (
    <div className="form-errors" role="alert" tabIndex={-1}>
      <p>
        <strong>
          <SaidText said={errorText(error, t, context)} />
        </strong>
      </p>
      {details.length > 0 && (
        <ul>
          {details.map((problem, i) => {
            const { label, reason } = problemText(problem, labels, t);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the API's list, shown once and never reordered
              <li key={i}>
                {label && <>{label}: </>}
                <SaidText said={reason} />
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'>;

export interface FieldProps extends InputProps {
  label: string;
  /** The field's name in the API's details (`email`, `newPassword`). */
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Help shown under the label, read with the field. */
  hint?: string;
  /** The error of the last submission; its problems for this field are shown under it. */
  error?: unknown;
  /** A problem found before sending (a password too short), in the page's language. */
  problem?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose problems (from the API or the page) are shown and announced with it. */
export function Field({ label, name, value, onChange, hint, error, problem, ref, ...input }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const problems = problemsByField(error)[name] ?? [];
  const messages: Said[] = [...(problem ? [{ text: problem, english: false }] : []), ...problems.map((p) => reasonText(p.reason, t))];
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <input
        ref={ref}
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {messages.length > 0 && (
        <span id={`${id}-error`} className="field-error">
          {messages.map((said, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for this render
            <span key={i} className="block">
              <SaidText said={said} />
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

/** A labelled select with the same error handling as Field. */
export function SelectField({
  label,
  name,
  value,
  onChange,
  options,
  error,
  hint,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  error?: unknown;
  hint?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const problems = problemsByField(error)[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={problems.length ? true : undefined} aria-describedby={describedBy || undefined}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {problems.length > 0 && (
        <span id={`${id}-error`} className="field-error">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for this render
            <span key={i} className="block">
              <SaidText said={reasonText(p.reason, t)} />
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

/** A short confirmation that an action worked, announced politely. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p className="form-done" role="status">
      {children}
    </p>
  );
}
