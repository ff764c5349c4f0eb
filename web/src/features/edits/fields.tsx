// The inputs of the registry's edit forms: a field of any kind with its hint and its problems
// (field-problems.tsx), the source of the change (one the registry holds, found by searching
// it: SourceSearch.tsx, or a new one with its kind and the day it was consulted) and who may
// see the record.
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { today } from '../../../../src/shared/dates.ts';
import { SOURCE_KINDS } from '../../../../src/shared/source-kinds.ts';
import { Messages, type ProblemsOf, useMessages } from './field-problems.tsx';
import type { AccessDraft, FieldSpec, SourceDraft } from './rules.ts';
import { SourceSearch } from './SourceSearch.tsx';
import { useScopes } from './scopes.ts';

/** Inputs whose text is Latin whatever the page: addresses, dates, codes. */
const LTR_KINDS = new Set(['date', 'url', 'iso3', 'codes']);

export function EditField({ spec, value, onChange, problems }: { spec: FieldSpec; value: string; onChange: (value: string) => void; problems: ProblemsOf }) {
  const { t, yesNo } = useI18n();
  const id = useId();
  const messages = useMessages(problems, spec.name);
  const hint = spec.hint ?? (spec.kind === 'date' ? t('edit.hint.date') : spec.kind === 'codes' ? t('edit.hint.codes') : undefined);
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: spec.name,
    'aria-invalid': messages.length ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': spec.required || undefined,
  };
  let input: React.ReactNode;
  if (spec.kind === 'select' || spec.kind === 'boolean') {
    const options =
      spec.kind === 'boolean'
        ? ([
            ['true', yesNo(true)],
            ['false', yesNo(false)],
          ] as [string, string][])
        : (spec.options ?? []);
    input = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'textarea') {
    input = <textarea {...common} value={value} rows={4} onChange={(e) => onChange(e.target.value)} />;
  } else {
    input = (
      <input
        {...common}
        type={spec.kind === 'url' ? 'url' : 'text'}
        value={value}
        dir={LTR_KINDS.has(spec.kind) ? 'ltr' : undefined}
        inputMode={spec.kind === 'date' ? 'numeric' : undefined}
        placeholder={spec.kind === 'date' ? t('edit.placeholder.date') : undefined}
        autoComplete="off"
        spellCheck={spec.kind === 'text' || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {spec.label}
        {!spec.required && <span className="muted"> {t('edit.optional')}</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {input}
      <Messages id={`${id}-error`} messages={messages} />
    </div>
  );
}

function TextInput({
  label,
  path,
  value,
  onChange,
  problems,
  hint,
  optional,
  ltr,
}: {
  label: string;
  path: string;
  value: string;
  onChange: (v: string) => void;
  problems: ProblemsOf;
  hint?: string;
  optional?: boolean;
  ltr?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const messages = useMessages(problems, path);
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted"> {t('edit.optional')}</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={path}
        value={value}
        dir={ltr ? 'ltr' : undefined}
        autoComplete="off"
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy}
        aria-required={optional ? undefined : true}
        onChange={(e) => onChange(e.target.value)}
      />
      <Messages id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** Radio buttons in a fieldset, each with a line that explains it. */
function Choice({
  legend,
  path,
  value,
  onChange,
  options,
  problems,
}: {
  legend: string;
  path: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string; help: string }[];
  problems: ProblemsOf;
}) {
  const id = useId();
  const messages = useMessages(problems, path);
  return (
    <fieldset className="choice" aria-describedby={messages.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o, i) => (
        <div key={o.value} className="choice-option">
          <input
            type="radio"
            id={`${id}-${o.value || 'none'}`}
            name={`${id}-${path}`}
            value={o.value}
            checked={value === o.value}
            aria-invalid={messages.length && i === 0 ? true : undefined}
            aria-describedby={`${id}-${o.value || 'none'}-help`}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value || 'none'}`}>{o.label}</label>
          <span id={`${id}-${o.value || 'none'}-help`} className="hint">
            {o.help}
          </span>
        </div>
      ))}
      <Messages id={`${id}-error`} messages={messages} />
    </fieldset>
  );
}

/** The source of the fact: found among the registry's sources, or entered. */
export function SourcePicker({ source, onChange, problems }: { source: SourceDraft; onChange: (s: SourceDraft) => void; problems: ProblemsOf }) {
  const { t } = useI18n();
  const id = useId();
  const set = (change: Partial<SourceDraft>) => onChange({ ...source, ...change });
  return (
    <fieldset className="panel source-picker">
      <legend>{t('edit.source')}</legend>
      <p className="hint">{t('edit.source.lead')}</p>
      <div className="choice-row" role="radiogroup" aria-label={t('edit.source')}>
        {(['new', 'existing'] as const).map((mode) => (
          <span key={mode}>
            <input type="radio" id={`${id}-${mode}`} name={`${id}-mode`} checked={source.mode === mode} onChange={() => set({ mode })} />{' '}
            <label htmlFor={`${id}-${mode}`}>{t(`edit.source.${mode}`)}</label>
          </span>
        ))}
      </div>
      {source.mode === 'existing' ? (
        <SourceSearch source={source} onChange={onChange} problems={problems} />
      ) : (
        <>
          <TextInput label={t('edit.source.title')} path="source.title" value={source.title} onChange={(title) => set({ title })} problems={problems} />
          <TextInput label={t('edit.source.url')} path="source.url" value={source.url} onChange={(url) => set({ url })} problems={problems} hint={t('edit.source.url.hint')} ltr />
          <Choice
            legend={t('edit.source.kind')}
            path="source.kind"
            value={source.kind}
            onChange={(kind) => set({ kind })}
            problems={problems}
            options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`edit.kind.${k}`), help: t(`edit.kind.${k}.help`) }))}
          />
          <TextInput
            label={t('edit.source.retrieved')}
            path="source.retrieved"
            value={source.retrieved}
            onChange={(retrieved) => set({ retrieved })}
            problems={problems}
            hint={t('edit.source.retrieved.hint', { today: today() })}
            ltr
          />
          <TextInput label={t('edit.source.asOf')} path="source.asOf" value={source.asOf} onChange={(asOf) => set({ asOf })} problems={problems} hint={t('edit.source.asOf.hint')} optional ltr />
        </>
      )}
    </fieldset>
  );
}

/** Who may see the record, in plain words, and for a restricted one the organizations and States it is for. */
export function AccessPicker({ access, onChange, problems, keepOption }: { access: AccessDraft; onChange: (a: AccessDraft) => void; problems: ProblemsOf; keepOption: boolean }) {
  const { t } = useI18n();
  const levels = [...(keepOption ? [''] : []), 'public', 'internal', 'restricted'] as AccessDraft['level'][];
  return (
    <div className="panel access-picker">
      <Choice
        legend={t('edit.access')}
        path="confidentiality"
        value={access.level}
        onChange={(level) => onChange({ ...access, level: level as AccessDraft['level'] })}
        problems={problems}
        options={levels.map((l) => ({ value: l, label: t(`edit.access.${l || 'keep'}`), help: t(`edit.access.${l || 'keep'}.help`) }))}
      />
      {access.level === 'restricted' && <AudiencePicker audience={access.audience} onChange={(audience) => onChange({ ...access, audience })} problems={problems} />}
    </div>
  );
}

function AudiencePicker({ audience, onChange, problems }: { audience: string[]; onChange: (a: string[]) => void; problems: ProblemsOf }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { organizations, states, nameOf } = useScopes();
  const messages = useMessages(problems, 'audience');
  const [org, setOrg] = useState('');
  const [state, setState] = useState('');
  const add = (scope: string) => {
    if (scope && !audience.includes(scope)) onChange([...audience, scope]);
  };
  return (
    <fieldset className="audience" aria-describedby={[`${id}-help`, messages.length ? `${id}-error` : ''].filter(Boolean).join(' ')}>
      <legend>{t('edit.audience')}</legend>
      <p id={`${id}-help`} className="hint">
        {t('edit.audience.help')}
      </p>
      {audience.length === 0 ? (
        <p className="muted">{t('edit.audience.none')}</p>
      ) : (
        <ul className="audience-list">
          {audience.map((scope) => (
            <li key={scope}>
              <bdi>{nameOf(scope)}</bdi>{' '}
              <button type="button" onClick={() => onChange(audience.filter((s) => s !== scope))} aria-label={t('edit.audience.remove', { name: nameOf(scope) })}>
                {t('edit.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="audience-add">
        <label htmlFor={`${id}-org`}>{t('edit.audience.organization')}</label>
        <select id={`${id}-org`} value={org} onChange={(e) => setOrg(e.target.value)} aria-invalid={messages.length ? true : undefined}>
          <option value="">—</option>
          {organizations.map((o) => (
            <option key={o.id} value={`organization:${o.id}`}>
              {nameOf(`organization:${o.id}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => add(org)}>
          {t('edit.add')}
        </button>
      </div>
      <div className="audience-add">
        <label htmlFor={`${id}-state`}>{t('edit.audience.state')}</label>
        <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">—</option>
          {[...states]
            .sort((a, b) => a.name.localeCompare(b.name, lang))
            .map((s) => (
              <option key={s.iso3} value={`state:${s.iso3}`}>
                {s.name}
              </option>
            ))}
        </select>
        <button type="button" onClick={() => add(state)}>
          {t('edit.add')}
        </button>
      </div>
      <Messages id={`${id}-error`} messages={messages} />
    </fieldset>
  );
}

export function ReasonField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {t('edit.reason')} <span className="muted">{t('edit.optional')}</span>
      </label>
      <span id={`${id}-hint`} className="hint">
        {t('edit.reason.hint')}
      </span>
      <textarea id={id} rows={2} maxLength={2000} value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
