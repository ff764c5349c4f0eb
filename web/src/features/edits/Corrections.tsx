// A shipped record corrected by an editor: each corrected field shows the value the registry now
// follows with the source of the correction and, beside it, the shipped value it overrides with
// the shipped sources, so the disagreement stays visible as any other between sources.
import { Fragment } from 'react';
import type { Source } from '../../api/types.ts';
import { Sources } from '../../components/Sources.tsx';
import { LANGS, LANGUAGE_NAMES, type Lang, useI18n } from '../../i18n/i18n.tsx';

type Value = string | number | boolean | null;

export interface Correction {
  field: string;
  value: Value;
  source: Source | null;
  by: string;
  at: string;
  overridden: { value: Value; sources: Source[] };
}

export function valueText(value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return t('edit.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The dictionary keys of the name fields, which corrections and history name per language (`title.fr`). */
const NAME_FIELD_KEYS: Record<string, string> = { name: 'col.name', acronym: 'col.acronym', title: 'edit.field.title', shortTitle: 'instrument.shortTitle' };

/** The label of a field as write bodies name it, in the page's language. */
export function fieldLabel(field: string, t: (key: string, vars?: Record<string, string>) => string): string {
  const [base, lang] = field.split('.');
  if (base && lang && NAME_FIELD_KEYS[base] && (LANGS as readonly string[]).includes(lang))
    return t('edit.field.inLanguage', { field: t(NAME_FIELD_KEYS[base]), language: LANGUAGE_NAMES[lang as Lang] });
  const key = `edit.field.${field}`;
  const said = t(key);
  return said === key ? field : said;
}

export function Corrections({ corrections }: { corrections: Correction[] }) {
  const { t, dateTime } = useI18n();
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-title" className="corrections">
      <h2 id="corrections-title">{t('edit.corrections')}</h2>
      <p className="muted">{t('edit.corrections.lead')}</p>
      <dl className="facts">
        {corrections.map((c) => (
          <Fragment key={c.field}>
            <dt>{fieldLabel(c.field, t)}</dt>
            <dd>
              <span className="block">
                <strong>{t('edit.corrections.now')}</strong> <bdi>{valueText(c.value, t)}</bdi> <Sources sources={c.source ? [c.source] : []} />{' '}
                <span className="muted small">{t('edit.corrections.when', { date: dateTime(c.at) })}</span>
              </span>
              <span className="block overridden">
                <strong>{t('edit.corrections.shipped')}</strong> <bdi>{valueText(c.overridden.value, t)}</bdi> <Sources sources={c.overridden.sources} />
              </span>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
