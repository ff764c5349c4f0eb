// The money of the projects the filters keep (GET /api/v1/project-totals): the budget and what
// was disbursed to date, each per currency as exact sums; and, where exchange rates entered by
// administrators convert them into the chosen currency, the total in it, naming every rate used
// (day, rate, source). Amounts no rate converts are listed apart, never dropped or guessed.
import { getAll, getJson } from '../../api/client.ts';
import { useAll } from '../../api/registry.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { SourceTitle } from '../../components/Sources.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { LOCALES, useI18n } from '../../i18n/i18n.tsx';
import type { ExchangeRateView } from '../../../../src/modules/money/schema.ts';
import type { ProjectFilters } from './filters.ts';
import { formatMoney } from './money.ts';
import type { ProjectTotals } from './types.ts';

type Sum = ProjectTotals['budget'];

export function Totals({ filters }: { filters: ProjectFilters }) {
  const { t, lang } = useI18n();
  const rates = useApi('exchange-rates', (signal) => getAll<ExchangeRateView>('/exchange-rates', {}, signal));
  const bases = [...new Set((rates.data ?? []).map((r) => r.base))].sort();
  const [chosen, setBase] = useQueryParam('base', '');
  const base = bases.includes(chosen) ? chosen : (bases[0] ?? 'USD');
  const totals = useApi(rates.data ? `project-totals|${base}|${JSON.stringify(filters)}` : null, (signal) => getJson<ProjectTotals>('/project-totals', { base, ...filters }, signal));
  const loaded = useAll(rates, totals);
  const locale = LOCALES[lang];
  return (
    <section aria-labelledby="totals-title" className="panel project-totals">
      <h2 id="totals-title">{t('projects.totals.title')}</h2>
      <Loadable loaded={loaded}>
        {([, sums]) => (
          <>
            <p>{t('projects.totals.count', { count: sums.projects })}</p>
            {bases.length > 1 && (
              <label className="field">
                <span>{t('projects.totals.base')}</span>
                <select value={base} onChange={(e) => setBase(e.target.value)}>
                  {bases.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <div className="totals-grid">
              <SumBlock title={t('projects.totals.budget')} sum={sums.budget} base={sums.base} locale={locale} hasRates={bases.length > 0} />
              <SumBlock title={t('projects.totals.disbursed', { date: sums.asOf })} sum={sums.disbursed} base={sums.base} locale={locale} hasRates={bases.length > 0} />
            </div>
            {sums.ratesUsed.length > 0 && (
              <>
                <h3>{t('projects.totals.ratesUsed')}</h3>
                <ul>
                  {sums.ratesUsed.map((r) => (
                    <li key={r.id}>
                      <bdi dir="ltr">
                        1 {r.currency} = {r.rate} {r.base}
                      </bdi>{' '}
                      <span className="muted">({t('projects.totals.rateDay', { date: r.asOf })})</span> {r.source && <SourceTitle source={r.source} />}
                    </li>
                  ))}
                </ul>
                <p className="muted">{t('projects.totals.convertAt', { date: sums.asOf })}</p>
              </>
            )}
            {bases.length === 0 && <p className="muted">{t('projects.totals.noRates')}</p>}
          </>
        )}
      </Loadable>
    </section>
  );
}

function SumBlock({ title, sum, base, locale, hasRates }: { title: string; sum: Sum; base: string; locale: string; hasRates: boolean }) {
  const { t } = useI18n();
  const all = [...sum.converted, ...sum.unconverted].sort((a, b) => a.currency.localeCompare(b.currency));
  const converted = sum.converted.length > 0;
  return (
    <div>
      <h3>{title}</h3>
      {all.length === 0 ? (
        <p className="muted">{t('projects.totals.noAmounts')}</p>
      ) : (
        <ul className="money-list">
          {all.map((c) => (
            <li key={c.currency}>
              <bdi className="money">{formatMoney(c.amount, c.currency, locale)}</bdi> <span className="muted">({t('projects.totals.lines', { count: c.count })})</span>
            </li>
          ))}
        </ul>
      )}
      {hasRates && converted && (
        <p>
          <strong>{t('projects.totals.inBase', { base })}</strong> <bdi className="money">{formatMoney(sum.total, base, locale)}</bdi>
          {sum.exactTotal !== sum.total && <span className="muted"> ({t('projects.totals.exact', { amount: sum.exactTotal })})</span>}
        </p>
      )}
      {hasRates && sum.unconverted.length > 0 && <p className="note">{t('projects.totals.unconverted', { currencies: sum.unconverted.map((u) => u.currency).join(', '), base })}</p>}
    </div>
  );
}
