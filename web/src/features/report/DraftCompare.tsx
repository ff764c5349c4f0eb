// Two versions of a draft compared (GET /api/v1/report-drafts/{id}/compare?from=&to=), the later
// one being a saved version or the draft as it is now: each section with its words kept, added
// or removed; sections that did not change are folded away. The choice is kept in the address.
import { useId } from 'react';
import { getJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Loading } from '../../components/PageState.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { dirOf } from './settings.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiProblem, Diff } from './parts.tsx';
import type { DraftComparison, DraftVersion } from './types.ts';

type Comparison = DraftComparison;

export function DraftCompare({ draftId, versions, lang, stamp }: { draftId: string; versions: DraftVersion[]; lang: string; stamp: string }) {
  const { t, number } = useI18n();
  const id = useId();
  const [from, setFrom] = useQueryParam('from');
  const [to, setTo] = useQueryParam('to', 'current');
  const numbers = versions.map((v) => String(v.number));
  const chosenFrom = numbers.includes(from) ? from : '';
  const chosenTo = to === 'current' || numbers.includes(to) ? to : 'current';
  const ready = chosenFrom !== '' && chosenFrom !== chosenTo;
  // `stamp` (the draft's version) makes a comparison with the current text be read again after a change.
  const loaded = useApi(ready ? `report-compare|${draftId}|${chosenFrom}|${chosenTo}|${stamp}` : null, (signal) =>
    getJson<Comparison>(`/report-drafts/${encodeURIComponent(draftId)}/compare`, { from: chosenFrom, to: chosenTo }, signal),
  );
  const sections = loaded.data?.sections ?? [];
  const label = (n: string) => (n === 'current' ? t('report.compare.current') : t('report.version.n', { n: number(Number(n)) }));
  return (
    <section className="compare report-compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.compare.title')}</h2>
      {versions.length === 0 ? (
        <p className="muted">{t('report.compare.noVersions')}</p>
      ) : (
        <>
          <div className="toolbar">
            <div className="form-field">
              <label htmlFor={`${id}-from`}>{t('report.compare.from')}</label>
              <select id={`${id}-from`} name="from" value={chosenFrom} onChange={(e) => setFrom(e.target.value)}>
                <option value="">{t('report.compare.choose')}</option>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {label(n)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor={`${id}-to`}>{t('report.compare.to')}</label>
              <select id={`${id}-to`} name="to" value={chosenTo} onChange={(e) => setTo(e.target.value)}>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {label(n)}
                  </option>
                ))}
                <option value="current">{label('current')}</option>
              </select>
            </div>
          </div>
          <p className="legend small">
            {t('compare.legend')} <ins>{t('compare.added')}</ins> · <del>{t('compare.removed')}</del>
          </p>
          {chosenFrom !== '' && chosenFrom === chosenTo && <p className="muted">{t('report.compare.same')}</p>}
        </>
      )}
      {ready && loaded.error && <ApiProblem error={loaded.error} lead={t('compare.unavailable')} retry={loaded.retry} />}
      {ready && !loaded.error && !loaded.data && <Loading />}
      {ready && loaded.data && (
        <>
          <p className="summary" role="status">
            {t('report.compare.summary', { n: sections.filter((s) => s.changed).length })}
          </p>
          <ol className="plain-list compare-sections">
            {sections.map((s) =>
              s.changed ? (
                <li key={s.id} className="compare-section changed" data-section={s.id}>
                  <h3 lang={lang} dir={dirOf(lang)}>
                    {s.heading}
                  </h3>
                  <Diff parts={s.diff} lang={lang} />
                </li>
              ) : (
                <li key={s.id} className="compare-section unchanged" data-section={s.id}>
                  <details>
                    <summary>
                      <span lang={lang} dir={dirOf(lang)}>
                        {s.heading}
                      </span>{' '}
                      — {t('report.compare.unchanged')}
                    </summary>
                    <Diff parts={s.diff} lang={lang} />
                  </details>
                </li>
              ),
            )}
          </ol>
        </>
      )}
    </section>
  );
}
