// The fields of a report's settings, shared by the builder and a draft's settings form: the
// session, the period (its first day and the report's date, with the app's date control), the
// regions as checkboxes named in the reader's language, the report's language (any of the six,
// whatever the interface's), and the optional symbol and agenda item. Each problem is shown under
// its field and tied to it (aria-describedby), whether the page found it or the API did.
import { useId } from 'react';
import { useStates } from '../../api/registry.ts';
import { DateControl } from '../../components/DateControl.tsx';
import { LANGS, LANGUAGE_NAMES, useI18n } from '../../i18n/i18n.tsx';
import { regionsOf } from '../treaties/state-groups.ts';
import { AGENDA_ITEM_MAX, dirOf, type ReportSettings, type SettingName, SYMBOL_MAX } from './settings.ts';

/** Problems by setting: an i18n key found by the page, or the API's own words (English). */
export type ShownProblems = Partial<Record<SettingName, { key?: string; english?: string }[]>>;

function FieldProblems({ id, problems }: { id: string; problems: { key?: string; english?: string }[] | undefined }) {
  const { t } = useI18n();
  if (!problems?.length) return null;
  return (
    <span id={id} className="field-error">
      {problems.map((p, i) =>
        p.key ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for this render
          <span key={i} className="block">
            {t(p.key)}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for this render
          <span key={i} className="block" lang="en" dir="ltr">
            {p.english}
          </span>
        ),
      )}
    </span>
  );
}

export function SettingsFields({ settings, onChange, problems }: { settings: ReportSettings; onChange: (next: ReportSettings) => void; problems: ShownProblems }) {
  const { t, lang } = useI18n();
  const id = useId();
  const states = useStates(lang);
  const regions = states.data ? regionsOf(states.data) : [];
  const set = <K extends SettingName>(name: K, value: ReportSettings[K]) => onChange({ ...settings, [name]: value });
  const invalid = (name: SettingName) => (problems[name]?.length ? true : undefined);
  const describedBy = (name: SettingName, hint?: string) => [hint, problems[name]?.length ? `${id}-${name}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const toggleRegion = (code: string, on: boolean) => set('regions', on ? [...new Set([...settings.regions, code])].sort() : settings.regions.filter((r) => r !== code));

  return (
    <>
      <div className="form-field">
        <label htmlFor={`${id}-session`}>{t('report.session')}</label>
        <span id={`${id}-session-hint`} className="hint">
          {t('report.session.hint')}
        </span>
        <input
          id={`${id}-session`}
          name="session"
          inputMode="numeric"
          dir="ltr"
          size={4}
          maxLength={3}
          autoComplete="off"
          value={settings.session}
          onChange={(e) => set('session', e.target.value)}
          aria-invalid={invalid('session')}
          aria-describedby={describedBy('session', `${id}-session-hint`)}
        />
        <FieldProblems id={`${id}-session-problem`} problems={problems.session} />
      </div>
      <div className="report-dates">
        <div className="form-field" data-setting="periodStart">
          <DateControl label={t('report.periodStart')} asOf={settings.periodStart} onChange={(value) => set('periodStart', value)} />
          <FieldProblems id={`${id}-periodStart-problem`} problems={problems.periodStart} />
        </div>
        <div className="form-field" data-setting="asOf">
          <DateControl label={t('report.asOf')} asOf={settings.asOf} onChange={(value) => set('asOf', value)} />
          <span className="hint">{t('report.asOf.hint')}</span>
          <FieldProblems id={`${id}-asOf-problem`} problems={problems.asOf} />
        </div>
      </div>
      <fieldset className="report-regions" aria-describedby={describedBy('regions', `${id}-regions-hint`)}>
        <legend>{t('report.regions')}</legend>
        <span id={`${id}-regions-hint`} className="hint">
          {t('report.regions.hint')}
        </span>
        {states.error && <p className="field-error">{t('status.error')}</p>}
        <ul className="plain-list checkbox-list">
          {regions.map(([code, name]) => (
            <li key={code}>
              <label>
                <input type="checkbox" name="regions" value={code} checked={settings.regions.includes(code)} onChange={(e) => toggleRegion(code, e.target.checked)} /> {name}{' '}
                <span className="muted small" dir="ltr">
                  ({code})
                </span>
              </label>
            </li>
          ))}
        </ul>
        <FieldProblems id={`${id}-regions-problem`} problems={problems.regions} />
      </fieldset>
      <div className="form-field">
        <label htmlFor={`${id}-lang`}>{t('report.lang')}</label>
        <span id={`${id}-lang-hint`} className="hint">
          {t('report.lang.hint')}
        </span>
        <select
          id={`${id}-lang`}
          name="lang"
          value={settings.lang}
          onChange={(e) => set('lang', e.target.value as ReportSettings['lang'])}
          aria-invalid={invalid('lang')}
          aria-describedby={describedBy('lang', `${id}-lang-hint`)}
        >
          {LANGS.map((code) => (
            <option key={code} value={code} lang={code} dir={dirOf(code)}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        <FieldProblems id={`${id}-lang-problem`} problems={problems.lang} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-symbol`}>
          {t('report.symbol')} <span className="muted">{t('edit.optional')}</span>
        </label>
        <span id={`${id}-symbol-hint`} className="hint">
          {t('report.symbol.hint')}
        </span>
        <input
          id={`${id}-symbol`}
          name="symbol"
          dir="ltr"
          autoComplete="off"
          maxLength={SYMBOL_MAX + 20}
          value={settings.symbol}
          onChange={(e) => set('symbol', e.target.value)}
          aria-invalid={invalid('symbol')}
          aria-describedby={describedBy('symbol', `${id}-symbol-hint`)}
        />
        <FieldProblems id={`${id}-symbol-problem`} problems={problems.symbol} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-agendaItem`}>
          {t('report.agendaItem')} <span className="muted">{t('edit.optional')}</span>
        </label>
        <span id={`${id}-agendaItem-hint`} className="hint">
          {t('report.agendaItem.hint')}
        </span>
        <input
          id={`${id}-agendaItem`}
          name="agendaItem"
          dir="auto"
          autoComplete="off"
          maxLength={AGENDA_ITEM_MAX + 20}
          value={settings.agendaItem}
          onChange={(e) => set('agendaItem', e.target.value)}
          aria-invalid={invalid('agendaItem')}
          aria-describedby={describedBy('agendaItem', `${id}-agendaItem-hint`)}
        />
        <FieldProblems id={`${id}-agendaItem-problem`} problems={problems.agendaItem} />
      </div>
    </>
  );
}
