// The forms of an event's parts, for OHCHR editors and administrators: its organizers and its
// participation counts (each breakdown replaced whole, with the source of the figures and the
// event's version in If-Match: a change by someone else meanwhile is a 412, said as such), and a
// new follow-up action. Each checks what it can before sending, in the page's language (a count
// is a whole number, 0 or more), and shows every problem, its own or the API's
// (`counts[2].headcount`), next to its field, as the registry's edit forms do.
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { forgetAnswers } from '../../api/useApi.ts';
import { FormErrors, useSubmission } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isValidPartialDate } from '../../../../src/shared/dates.ts';
import { EVENT_ACTION_STATUSES, EVENT_ORGANIZER_ROLES, PARTICIPANT_GENDERS, PARTICIPANT_INSTITUTIONS } from '../../../../src/shared/vocabularies.ts';
import { Messages, type ProblemsOf, useMessages } from '../edits/field-problems.tsx';
import { ReasonField, SourcePicker } from '../edits/fields.tsx';
import { emptySource, type RuleProblem, type SourceDraft, sourceBody, sourceProblems } from '../edits/rules.ts';
import type { EventDetail } from './types.ts';

type Row = Record<string, string>;
type Choices = [string, string][];

/** One input of a row, labelled, with its problems (path: `counts[0].headcount`). */
function RowField({
  label,
  path,
  value,
  onChange,
  problems,
  options,
  numeric,
  ltr,
}: {
  label: string;
  path: string;
  value: string;
  onChange: (v: string) => void;
  problems: ProblemsOf;
  options?: Choices;
  numeric?: boolean;
  ltr?: boolean;
}) {
  const id = useId();
  const messages = useMessages(problems, path);
  const common = { id, name: path, 'aria-invalid': messages.length ? true : undefined, 'aria-describedby': messages.length ? `${id}-error` : undefined };
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} value={value} onChange={(e) => onChange(e.target.value)} inputMode={numeric ? 'numeric' : undefined} dir={ltr || numeric ? 'ltr' : undefined} autoComplete="off" />
      )}
      <Messages id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** Problems found before sending, listed at the top of the form with their fields' labels. */
function RuleSummary({ problems, labelOf }: { problems: RuleProblem[]; labelOf: (field: string) => string }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="form-errors" role="alert" tabIndex={-1}>
      <p>
        <strong>{t('errors.validation')}</strong>
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p.field + p.reason}>
            {labelOf(p.field)}: {t(p.reason, p.vars)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sending a part's form: its problems, focus on the first field at fault, and the page read again after a success. */
function usePartForm() {
  const navigate = useNavigate();
  const location = useLocation();
  const submission = useSubmission<unknown>();
  const [rules, setRules] = useState<RuleProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per attempt that failed
  useEffect(() => {
    if (attempt === 0 || submission.busy) return;
    if (rules.length === 0 && !submission.error) return;
    (form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('.form-errors'))?.focus();
  }, [attempt, submission.busy]);
  const send = async (found: RuleProblem[], action: () => Promise<unknown>) => {
    setRules(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) {
      submission.reset();
      return;
    }
    const done = await submission.run(action);
    setAttempt((n) => n + 1);
    if (done !== undefined) {
      forgetAnswers();
      navigate(location.pathname, { replace: true, state: { edited: 'saved' } });
    }
  };
  return { form, send, busy: submission.busy, problems: { rules, error: submission.error } as ProblemsOf };
}

/** The rows of a breakdown, with a button to add one and one to remove each. */
function Rows({
  legend,
  rows,
  onChange,
  blank,
  children,
}: {
  legend: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  blank: Row;
  children: (row: Row, i: number, set: (field: string, value: string) => void) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="rows">
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered as the API's details number them
        <fieldset key={i} className="row-fields">
          <legend className="visually-hidden">{t('events.rowN', { n: i + 1 })}</legend>
          {children(row, i, (field, value) => onChange(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r))))}
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('events.removeRow', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, { ...blank }])}>
        {t('events.addRow')}
      </button>
    </fieldset>
  );
}

function SourceAndReason({
  source,
  setSource,
  reason,
  setReason,
  problems,
}: {
  source: SourceDraft;
  setSource: (s: SourceDraft) => void;
  reason: string;
  setReason: (r: string) => void;
  problems: ProblemsOf;
}) {
  return (
    <>
      <SourcePicker source={source} onChange={setSource} problems={problems} />
      <ReasonField value={reason} onChange={setReason} />
    </>
  );
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function ParticipationForm({ event, states }: { event: EventDetail; states: Choices }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const { form, send, busy, problems } = usePartForm();
  const blank = { country: '', institution: '', gender: '', headcount: '' };
  const [rows, setRows] = useState<Row[]>(() =>
    event.participation.rows.length > 0
      ? event.participation.rows.map((r) => ({
          country: r.country ?? '',
          institution: r.institution ?? '',
          gender: r.gender === 'not-recorded' ? '' : (r.gender ?? ''),
          headcount: String(r.headcount),
        }))
      : [{ ...blank }],
  );
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const [reason, setReason] = useState('');
  const notRecorded: Choices = [['', t('events.notRecorded')]];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: RuleProblem[] = [
      ...rows.flatMap((r, i) => (/^\d{1,7}$/.test(r.headcount!.trim()) ? [] : [{ field: `counts[${i}].headcount`, reason: 'events.rule.count' }])),
      ...sourceProblems(source),
    ];
    const counts = rows.map((r) => ({ country: orNull(r.country), institution: orNull(r.institution), gender: orNull(r.gender), headcount: Number(r.headcount!.trim()) }));
    send(found, () => write(`/events/${encodeURIComponent(event.id)}/participation`, { method: 'PUT', body: { counts, source: sourceBody(source) }, ifMatch: `"v${event.version}"`, reason }));
  };
  const labelOf = (field: string) => (field.startsWith('counts[') ? `${t('events.headcount')} (${t('events.rowN', { n: Number(field.slice(7, field.indexOf(']'))) + 1 })})` : t('edit.source'));
  return (
    <section aria-labelledby="participation-form-title">
      <h2 id="participation-form-title">{t('events.form.participation')}</h2>
      <p className="hint">{t('events.form.participationHint')}</p>
      <form ref={form} className="stacked edit-form" onSubmit={submit} noValidate>
        <RuleSummary problems={problems.rules} labelOf={labelOf} />
        <FormErrors error={problems.error} labels={{ counts: t('events.participation'), source: t('edit.source') }} />
        <Rows legend={t('events.participation')} rows={rows} onChange={setRows} blank={blank}>
          {(row, i, set) => (
            <>
              <RowField label={t('col.state')} path={`counts[${i}].country`} value={row.country!} onChange={(v) => set('country', v)} problems={problems} options={[...notRecorded, ...states]} />
              <RowField
                label={t('events.institution')}
                path={`counts[${i}].institution`}
                value={row.institution!}
                onChange={(v) => set('institution', v)}
                problems={problems}
                options={[...notRecorded, ...PARTICIPANT_INSTITUTIONS.map((k): [string, string] => [k, t(`events.institution.${k}`)])]}
              />
              <RowField
                label={t('events.gender')}
                path={`counts[${i}].gender`}
                value={row.gender!}
                onChange={(v) => set('gender', v)}
                problems={problems}
                options={[...notRecorded, ...PARTICIPANT_GENDERS.filter((g) => g !== 'not-recorded').map((k): [string, string] => [k, t(`events.gender.${k}`)])]}
              />
              <RowField label={t('events.headcount')} path={`counts[${i}].headcount`} value={row.headcount!} onChange={(v) => set('headcount', v)} problems={problems} numeric />
            </>
          )}
        </Rows>
        <SourceAndReason source={source} setSource={setSource} reason={reason} setReason={setReason} problems={problems} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('events.form.saveCounts')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function OrganizersForm({ event, states }: { event: EventDetail; states: Choices }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const { form, send, busy, problems } = usePartForm();
  const blank = { role: 'organizer', name: '', organizationId: '', stateIso3: '' };
  const [rows, setRows] = useState<Row[]>(() => event.organizers.map((o) => ({ role: o.role, name: o.name, organizationId: o.organizationId ?? '', stateIso3: o.stateIso3 ?? '' })));
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: RuleProblem[] = [...rows.flatMap((r, i) => (r.name!.trim() ? [] : [{ field: `organizers[${i}].name`, reason: 'edit.rule.required' }])), ...sourceProblems(source)];
    const organizers = rows.map((r) => ({ role: r.role, name: r.name!.trim(), organizationId: orNull(r.organizationId), stateIso3: orNull(r.stateIso3) }));
    send(found, () => write(`/events/${encodeURIComponent(event.id)}/organizers`, { method: 'PUT', body: { organizers, source: sourceBody(source) }, ifMatch: `"v${event.version}"`, reason }));
  };
  const labelOf = (field: string) =>
    field.startsWith('organizers[') ? `${t('events.organizer.name')} (${t('events.rowN', { n: Number(field.slice(11, field.indexOf(']'))) + 1 })})` : t('edit.source');
  return (
    <section aria-labelledby="organizers-form-title">
      <h2 id="organizers-form-title">{t('events.form.organizers')}</h2>
      <form ref={form} className="stacked edit-form" onSubmit={submit} noValidate>
        <RuleSummary problems={problems.rules} labelOf={labelOf} />
        <FormErrors error={problems.error} labels={{ organizers: t('events.organizers'), source: t('edit.source') }} />
        <Rows legend={t('events.organizers')} rows={rows} onChange={setRows} blank={blank}>
          {(row, i, set) => (
            <>
              <RowField
                label={t('events.organizer.role')}
                path={`organizers[${i}].role`}
                value={row.role!}
                onChange={(v) => set('role', v)}
                problems={problems}
                options={EVENT_ORGANIZER_ROLES.map((r): [string, string] => [r, t(`events.role.${r}`)])}
              />
              <RowField label={t('events.organizer.name')} path={`organizers[${i}].name`} value={row.name!} onChange={(v) => set('name', v)} problems={problems} />
              <RowField
                label={t('events.organizer.organizationId')}
                path={`organizers[${i}].organizationId`}
                value={row.organizationId!}
                onChange={(v) => set('organizationId', v)}
                problems={problems}
                ltr
              />
              <RowField
                label={t('events.organizer.state')}
                path={`organizers[${i}].stateIso3`}
                value={row.stateIso3!}
                onChange={(v) => set('stateIso3', v)}
                problems={problems}
                options={[['', t('edit.none')], ...states]}
              />
            </>
          )}
        </Rows>
        <SourceAndReason source={source} setSource={setSource} reason={reason} setReason={setReason} problems={problems} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('events.form.saveOrganizers')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function ActionForm({ event }: { event: EventDetail }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const { form, send, busy, problems } = usePartForm();
  const [action, setAction] = useState<Row>({ description: '', owner: '', due: '', status: 'open' });
  const set = (field: string) => (value: string) => setAction({ ...action, [field]: value });
  const labels: Record<string, string> = { description: t('events.action.description'), owner: t('events.action.owner'), due: t('events.action.due'), status: t('events.action.status') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: RuleProblem[] = [
      ...(['description', 'owner'] as const).filter((f) => !action[f]!.trim()).map((f) => ({ field: f, reason: 'edit.rule.required' })),
      ...(action.due!.trim() && !isValidPartialDate(action.due!.trim()) ? [{ field: 'due', reason: 'edit.rule.partialDate' }] : []),
    ];
    const body = { description: action.description!.trim(), owner: action.owner!.trim(), due: orNull(action.due), status: action.status };
    send(found, () => write(`/events/${encodeURIComponent(event.id)}/actions`, { body }));
  };
  return (
    <section aria-labelledby="action-form-title">
      <h2 id="action-form-title">{t('events.form.action')}</h2>
      <form ref={form} className="stacked edit-form" onSubmit={submit} noValidate>
        <RuleSummary problems={problems.rules} labelOf={(f) => labels[f] ?? f} />
        <FormErrors error={problems.error} labels={labels} />
        <RowField label={labels.description!} path="description" value={action.description!} onChange={set('description')} problems={problems} />
        <RowField label={labels.owner!} path="owner" value={action.owner!} onChange={set('owner')} problems={problems} />
        <RowField label={`${labels.due!} (${t('edit.placeholder.date')})`} path="due" value={action.due!} onChange={set('due')} problems={problems} ltr />
        <RowField
          label={labels.status!}
          path="status"
          value={action.status!}
          onChange={set('status')}
          problems={problems}
          options={EVENT_ACTION_STATUSES.map((s): [string, string] => [s, t(`events.actionStatus.${s}`)])}
        />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('events.form.addAction')}
          </button>
        </div>
      </form>
    </section>
  );
}
