// On a recommendation's page, beside the rows of the same text: recommendations to the same State
// and to any State whose texts are the most similar (GET /recommendations/{id}/related: ranked
// by the full-text index on the rarest words the texts share, which the page names).
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { Recommendation, RelatedRecommendations as Related } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ResponseBadge, sessionText } from './recommendation-words.tsx';

/** A text longer than this is cut in the list (its page has it whole). */
const SHOWN = 240;

function RelatedList({ id, title, rows, empty }: { id: string; title: string; rows: Recommendation[]; empty: string }) {
  const { t, href, date } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="rec-related">
          {rows.map((r) => (
            <li key={r.id} data-id={r.id} className="rec-related-item">
              <Link to={href(`/recommendations/${r.id}`)}>{t(`rec.heading.${r.kind}`, { state: r.state.name })}</Link>
              {' · '}
              <span className="muted small">{sessionText(t, date, r)}</span> <ResponseBadge response={r.response} />
              <p className="rec-text" lang={r.textLang} dir={r.textLang === 'ar' ? 'rtl' : 'ltr'}>
                {r.text.length > SHOWN ? `${r.text.slice(0, SHOWN)}…` : r.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function RelatedRecommendations({ rec }: { rec: Recommendation }) {
  const { t, lang } = useI18n();
  const loaded = useApi(`recommendation-related|${rec.id}|${lang}`, (signal) => getJson<Related>(`/recommendations/${encodeURIComponent(rec.id)}/related`, { lang }, signal));
  return (
    <section aria-labelledby="related-title" className="rec-related-section">
      <h2 id="related-title">{t('rec.related.title')}</h2>
      <Loadable loaded={loaded}>
        {(related) => (
          <>
            <p className="muted small">
              {related.words.length > 0 ? (
                <>
                  {t('rec.related.how')}{' '}
                  <span lang="en" dir="ltr" className="rec-related-words">
                    {related.words.join(', ')}
                  </span>
                </>
              ) : (
                t('rec.related.noWords')
              )}
            </p>
            <RelatedList id="related-state-title" title={t('rec.related.sameState', { state: rec.state.name })} rows={related.sameState} empty={t('rec.related.none')} />
            <RelatedList id="related-similar-title" title={t('rec.related.similar')} rows={related.similar} empty={t('rec.related.none')} />
          </>
        )}
      </Loadable>
    </section>
  );
}
