// A list of parts given whole with their record (a project's countries and budget lines, a
// request's links): one fieldset per row with labelled inputs, rows added and removed with real
// buttons, and each problem the API names for a row's field (`budget[0].currency`,
// `links.0.ref`) shown next to that input in the page's language.
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { editReasonText, Messages, serverProblems } from '../edits/field-problems.tsx';

export type Row = Record<string, string>;

export interface RowField {
  name: string;
  label: string;
  /** A select's values and labels; else a text input. */
  options?: [string, string][];
  hint?: string;
  /** Codes, dates and amounts: Latin whatever the page. */
  ltr?: boolean;
  optional?: boolean;
  /** Text of a sentence or more (a note, an action): a text area. */
  multiline?: boolean;
}

export interface RowsEditorProps {
  legend: string;
  /** The body's name of the list (`budget`), as the API's problems name its rows. */
  path: string;
  fields: RowField[];
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** A new row's values. */
  blank: Row;
  /** "Budget line {n}" */
  rowLabel: (n: number) => string;
  addLabel: string;
  /** The last refusal of the API. */
  error: unknown;
}

export function RowsEditor({ legend, path, fields, rows, onChange, blank, rowLabel, addLabel, error }: RowsEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const listMessages = serverProblems(error, path)
    .filter((p) => p.field === path)
    .map((p) => editReasonText(p.reason, t));
  const set = (i: number, name: string, value: string) => onChange(rows.map((row, j) => (j === i ? { ...row, [name]: value } : row)));
  return (
    <fieldset className="panel rows-editor">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted">{t('projects.rows.none')}</p>}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; the index is what the API's problems name
        <fieldset key={i} className="row-fields">
          <legend>{rowLabel(i + 1)}</legend>
          {fields.map((field) => (
            <RowInput
              key={field.name}
              id={`${id}-${i}-${field.name}`}
              field={field}
              value={row[field.name] ?? ''}
              onChange={(v) => set(i, field.name, v)}
              error={error}
              paths={[`${path}[${i}].${field.name}`, `${path}.${i}.${field.name}`]}
            />
          ))}
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('projects.rows.removeOne', { row: rowLabel(i + 1) })}>
            {t('edit.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, { ...blank }])}>
        {addLabel}
      </button>
      <Messages id={`${id}-error`} messages={listMessages} />
    </fieldset>
  );
}

function RowInput({ id, field, value, onChange, error, paths }: { id: string; field: RowField; value: string; onChange: (v: string) => void; error: unknown; paths: string[] }) {
  const { t } = useI18n();
  const messages = paths.flatMap((p) => serverProblems(error, p).filter((problem) => problem.field === p)).map((p) => editReasonText(p.reason, t));
  const describedBy = [field.hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {field.label}
        {field.optional && <span className="muted"> {t('edit.optional')}</span>}
      </label>
      {field.hint && (
        <span id={`${id}-hint`} className="hint">
          {field.hint}
        </span>
      )}
      {field.options ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {field.options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      ) : field.multiline ? (
        <textarea {...common} rows={3} value={value} dir={field.ltr ? 'ltr' : 'auto'} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" value={value} dir={field.ltr ? 'ltr' : 'auto'} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      <Messages id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** The rows as the body gives them: trimmed, empty values left out. */
export function rowsBody(rows: Row[]): Record<string, string>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).flatMap(([k, v]) => (v.trim() === '' ? [] : [[k, v.trim()]]))));
}

/** The lists of parts a form edits as rows, and the body they add to a write: each list whole,
 *  and only when it differs from what the record had (a new record: when it has rows), so the
 *  lists a form leaves alone are kept. The API's last refusal is kept for the rows' fields. */
export function usePartLists<K extends string>(initial: Record<K, Row[]>) {
  const [lists, setLists] = useState<Record<K, Row[]>>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const set = (name: K) => (rows: Row[]) => setLists((current) => ({ ...current, [name]: rows }));
  const send = async <T,>(body: Record<string, unknown>, write: (body: Record<string, unknown>) => Promise<T>): Promise<T> => {
    const withLists = { ...body };
    for (const name of Object.keys(lists) as K[]) if (JSON.stringify(lists[name]) !== JSON.stringify(initial[name])) withLists[name] = rowsBody(lists[name]);
    setError(undefined);
    try {
      return await write(withLists);
    } catch (problem) {
      setError(problem);
      throw problem;
    }
  };
  return { lists, set, error, send };
}
