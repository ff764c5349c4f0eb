// On a State's page, what it received over time (GET /recommendations/summary): bars per year by
// response and by mechanism, and its most frequent themes per year as a table shaded by count,
// each with its numbers. Rows whose source gives no response are a part of their own, named as
// such, never counted as a response; rows with no date have a bar of their own. Voluntary
// pledges are the State's own and are not in these counts.
import { getJson } from '../../api/client.ts';
import { useMechanisms } from '../../api/registry.ts';
import type { RecommendationSummary } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type BarSeries, YearBars } from './YearBars.tsx';

const RESPONSES = ['supported', 'partially-supported', 'pending', 'noted'] as const;

function ThemeGrid({ summary, name }: { summary: RecommendationSummary; name: string }) {
  const { t, number } = useI18n();
  const years = [...new Set(summary.byTheme.map((c) => c.year))].sort((a, b) => (a ?? '9999').localeCompare(b ?? '9999'));
  const countOf = (theme: string, year: string | null) => summary.byTheme.find((c) => c.value === theme && c.year === year)?.count ?? 0;
  const max = Math.max(1, ...summary.byTheme.map((c) => c.count));
  return (
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls a wide table, focusable so a keyboard can scroll it
    <div className="table-scroll" role="region" aria-label={t('rec.charts.themesCaption', { name })} tabIndex={0}>
      <table className="rec-theme-grid" data-chart="themes">
        <caption>{t('rec.charts.themesCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rec.facet.theme')}</th>
            {years.map((y) => (
              <th key={y ?? 'undated'} scope="col" className="numeric">
                {y ?? t('rec.charts.undated')}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('rec.charts.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.themes.map((theme) => (
            <tr key={theme.value} data-theme={theme.value}>
              <th scope="row" lang="en" dir="ltr">
                {theme.value}
              </th>
              {years.map((y) => {
                const n = countOf(theme.value, y);
                // The shade only repeats the number written in the cell: darker, more.
                return (
                  <td key={y ?? 'undated'} className="numeric rec-theme-cell" data-count={n} style={{ background: n ? `rgba(33, 102, 172, ${(0.08 + (0.5 * n) / max).toFixed(2)})` : undefined }}>
                    {number(n)}
                  </td>
                );
              })}
              <td className="numeric">{number(theme.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RecommendationCharts({ iso3, name }: { iso3: string; name: string }) {
  const { t, lang } = useI18n();
  const mechanisms = useMechanisms(lang);
  const loaded = useApi(`recommendations-summary|${iso3}`, (signal) => getJson<RecommendationSummary>('/recommendations/summary', { state: iso3 }, signal));
  return (
    <Loadable loaded={loaded}>
      {(summary) => {
        if (summary.recommendations === 0) return null;
        const present = (key: string | null) => summary.byResponse.some((c) => c.value === key && c.count > 0);
        const responses: BarSeries[] = [
          ...RESPONSES.filter((r) => present(r)).map((r) => ({ key: r, label: t(`rec.response.${r}`) })),
          ...(present(null) ? [{ key: null, label: t('rec.response.none') }] : []),
        ];
        const mechanismSeries: BarSeries[] = [...new Set(summary.byMechanism.map((c) => c.value))].map((code) => ({
          key: code,
          label: mechanisms.data?.find((m) => m.code === code)?.name ?? code ?? '',
        }));
        return (
          <div className="rec-charts">
            <h3>{t('rec.charts.byResponse')}</h3>
            <YearBars name={name} title={t('rec.charts.byResponseCaption', { name })} series={responses} counts={summary.byResponse} exportName={`${iso3}-recommendations-by-response`} />
            <h3>{t('rec.charts.byMechanism')}</h3>
            <YearBars name={name} title={t('rec.charts.byMechanismCaption', { name })} series={mechanismSeries} counts={summary.byMechanism} exportName={`${iso3}-recommendations-by-mechanism`} />
            {summary.themes.length > 0 && (
              <>
                <h3>{t('rec.charts.themes')}</h3>
                <p className="muted small">{t('rec.charts.themesNote')}</p>
                <ThemeGrid summary={summary} name={name} />
              </>
            )}
            <p className="muted small">{t('rec.charts.note')}</p>
          </div>
        );
      }}
    </Loadable>
  );
}
