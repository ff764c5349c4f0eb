// The roles of an account, as the API writes them: `admin`, `ohchr-editor`, `viewer`, and the
// editors of one organization or one State (`organization-editor:au`, `state-editor:KEN`),
// chosen from the registry's own lists so that only existing ones can be picked.
import { useId, useState } from 'react';
import { problemsByField, reasonText } from '../../api/problems.ts';
import { useOrganizations, useStates } from '../../api/registry.ts';
import { SaidText } from '../../components/Form.tsx';
import { today } from '../../components/DateControl.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ROLES } from '../../../../src/shared/vocabularies.ts';
import { RoleName } from '../account/AccountPage.tsx';

/** The role string the API takes, or null while its organization or State is not chosen. */
export function roleText(role: string, scope: string): string | null {
  if (role === 'organization-editor' || role === 'state-editor') return scope ? `${role}:${scope}` : null;
  return role || null;
}

export function RolesEditor({ roles, onChange, error }: { roles: string[]; onChange: (roles: string[]) => void; error?: unknown }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [role, setRole] = useState<string>('viewer');
  const [scope, setScope] = useState('');
  const organizations = useOrganizations(lang, today());
  const states = useStates(lang);
  const problems = problemsByField(error).roles ?? [];
  const adding = roleText(role, scope);
  const add = () => {
    if (adding && !roles.includes(adding)) onChange([...roles, adding]);
    setScope('');
  };
  const scopeOptions: [string, string][] =
    role === 'organization-editor'
      ? (organizations.data ?? []).map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name])
      : role === 'state-editor'
        ? (states.data ?? []).map((s) => [s.iso3, s.name])
        : [];
  return (
    <fieldset className="roles" aria-describedby={problems.length ? `${id}-error` : undefined}>
      <legend>{t('admin.roles')}</legend>
      {roles.length === 0 ? (
        <p className="muted">{t('admin.roles.none')}</p>
      ) : (
        <ul className="role-list">
          {roles.map((r) => (
            <li key={r}>
              <RoleName role={r} />{' '}
              <button type="button" onClick={() => onChange(roles.filter((x) => x !== r))}>
                {t('admin.roles.remove')}
                <span className="visually-hidden">
                  {' '}
                  <RoleName role={r} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for this render
            <span key={i} className="block">
              <SaidText said={reasonText(p.reason, t)} />
            </span>
          ))}
        </p>
      )}
      <div className="role-adder">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('admin.roles.role')}</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => {
              setRole(e.target.value);
              setScope('');
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {(role === 'organization-editor' || role === 'state-editor') && (
          <div className="field">
            <label htmlFor={`${id}-scope`}>{t(role === 'organization-editor' ? 'admin.roles.organization' : 'admin.roles.state')}</label>
            <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="">{t('admin.roles.choose')}</option>
              {scopeOptions.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" onClick={add} disabled={!adding || roles.includes(adding)}>
          {t('admin.roles.add')}
        </button>
      </div>
      <p className="muted small">{t('admin.roles.help')}</p>
    </fieldset>
  );
}
