// Search over States, organizations, instruments and mechanisms, in any of the six languages
// (the API matches names in every language and says which one matched).
import { Link, useSearchParams } from 'react-router';
import { getAll } from '../../api/client.ts';
import type { SearchHit } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LANGUAGE_NAMES, isLang, useI18n } from '../../i18n/i18n.tsx';

const PATHS: Record<SearchHit['kind'], string> = { state: 'states', organization: 'organizations', instrument: 'instruments', mechanism: 'mechanisms' };

export function SearchPage() {
  const { t, lang, href } = useI18n();
  const [params] = useSearchParams();
  // Control characters can only come from a hand-made address; they never belong in a name.
  const query = (params.get('q') ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  usePageTitle(query ? t('search.titleFor', { query }) : t('search.title'));
  const hits = useApi(query ? `search|${lang}|${query}` : null, (signal) => getAll<SearchHit>('/search', { q: query, lang }, signal));
  const columns: Column<SearchHit>[] = [
    { id: 'name', header: t('col.name'), cell: (h) => <Link to={href(`/${PATHS[h.kind]}/${h.id}`)}>{h.name}</Link>, value: (h) => h.name },
    { id: 'kind', header: t('col.kind'), cell: (h) => t(`search.kind.${h.kind}`), value: (h) => h.kind },
    { id: 'id', header: t('col.code'), cell: (h) => h.id, value: (h) => h.id },
    {
      id: 'matched',
      header: t('search.matched'),
      cell: (h) => (
        <>
          {/* The name that matched, in its own language and direction (a code has neither: isolated). */}
          {isLang(h.matchedLang) ? (
            <span lang={h.matchedLang} dir={h.matchedLang === 'ar' ? 'rtl' : 'ltr'}>
              {h.matched}
            </span>
          ) : (
            <bdi>{h.matched}</bdi>
          )}{' '}
          <span className="muted small">
            (<bdi>{isLang(h.matchedLang) ? LANGUAGE_NAMES[h.matchedLang] : t('col.code')}</bdi>)
          </span>
        </>
      ),
      value: (h) => h.matched,
    },
  ];
  return (
    <>
      <h1>{query ? t('search.titleFor', { query }) : t('search.title')}</h1>
      {!query && <p>{t('search.help')}</p>}
      {query && (
        <Loadable loaded={hits}>
          {(items) => (
            <DataTable
              caption={t('search.results', { count: items.length, query })}
              columns={columns}
              rows={items}
              rowKey={(h) => `${h.kind}:${h.id}`}
              initialSort={null}
              urlKey="t"
              exportName={`accord-search-${query.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)}`}
              exportAbout={{ query }}
              empty={t('search.none', { query })}
            />
          )}
        </Loadable>
      )}
    </>
  );
}
