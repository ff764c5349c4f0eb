// How current each source of a treaty page is, in one line under its title ("UN Treaty
// Collection pages: status as at 3 February 2026 · UN Treaty Collection tables: to 14 March
// 2015 · …"), from the answer's `collections`: a reader sees at once that a status of today may
// rest on a table of 2015. Collections the dictionaries do not name (csv:<dataset>) show their id.
import type { TreatyCollection } from '../api/types.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';

export function collectionLabel(id: string, t: I18n['t']): string {
  const name = t(`currency.name.${id}`);
  return name === `currency.name.${id}` ? id : name;
}

export function currencyText(c: TreatyCollection, { t, date }: Pick<I18n, 't' | 'date'>): string {
  const name = collectionLabel(c.id, t);
  if (!c.asOf) return name;
  const template = c.id === 'untc-html' ? 'currency.asAt' : c.precision === 'year' ? 'currency.year' : 'currency.to';
  return t(template, { name, date: date(c.asOf) });
}

export function SourceCurrency({ collections }: { collections: TreatyCollection[] }) {
  const i18n = useI18n();
  if (collections.length === 0) return null;
  return (
    <p className="currency">
      {i18n.t('currency.lead')}{' '}
      {collections.map((c, n) => (
        <span key={c.id}>
          {n > 0 && <span aria-hidden="true"> · </span>}
          {/* Isolated, so that an id such as csv:achr-2020 keeps its order in Arabic. */}
          <bdi className="currency-item" data-collection={c.id}>
            {currencyText(c, i18n)}
          </bdi>
          {n < collections.length - 1 && <span className="visually-hidden">;</span>}
        </span>
      ))}
    </p>
  );
}
