// The frame of every page: skip link, header with navigation, search and language, the page,
// and the footer. The language comes from the address; the document's lang and dir follow it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LANGS, LANGUAGE_NAMES, rememberLang, useI18n } from '../i18n/i18n.tsx';
import { AccountMenu } from './AccountMenu.tsx';

const SECTIONS = [
  { path: '/', key: 'nav.map', end: true },
  { path: '/states', key: 'nav.states' },
  { path: '/organizations', key: 'nav.organizations' },
  { path: '/instruments', key: 'nav.instruments' },
  { path: '/treaties', key: 'treaties.nav' },
  { path: '/mechanisms', key: 'nav.mechanisms' },
  { path: '/presences', key: 'nav.presences' },
  { path: '/cooperation', key: 'cooperation.nav' },
  { path: '/recommendations', key: 'rec.nav' },
  { path: '/resolutions', key: 'resolutions.nav' },
  { path: '/mandates', key: 'mandates.nav' },
  { path: '/report', key: 'report.nav' },
  { path: '/sources', key: 'nav.sources' },
  { path: '/data-quality', key: 'quality.nav' },
];

/** The six languages as links, each named in itself (as on un.org): a plain link works with
 *  any keyboard or screen reader, and keeps the page and its query in the new language. */
function LanguageLinks() {
  const { lang, t } = useI18n();
  const location = useLocation();
  const rest = location.pathname.replace(/^\/[a-z]{2}(?=\/|$)/, '') || '/';
  return (
    <nav aria-label={t('nav.language')} className="languages">
      <ul>
        {LANGS.map((code) => (
          <li key={code}>
            <Link to={`/${code}${rest}${location.search}`} lang={code} hrefLang={code} aria-current={code === lang ? 'true' : undefined} onClick={() => rememberLang(code)}>
              {LANGUAGE_NAMES[code]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchBox() {
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) navigate(`${href('/search')}?q=${encodeURIComponent(query.trim())}`);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: the form is the search landmark; browsers before 2023 do not know <search>
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <input id="site-search" type="search" value={query} placeholder={t('search.placeholder')} onChange={(e) => setQuery(e.target.value)} maxLength={200} />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}

export function Layout() {
  const { t, lang, dir, href } = useI18n();
  const location = useLocation();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    rememberLang(lang);
  }, [lang, dir]);

  // Moving to another page puts focus at the start of its content and scrolls to the top, so
  // a screen reader announces the new page; the first load leaves focus where browsers put it.
  const firstPage = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page, which it does not need to read
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('content')?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#content">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="brand-row">
          <Link to={href('/')} className="brand">
            <span className="brand-name">Accord</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <div className="header-tools">
            <SearchBox key={lang} />
            <LanguageLinks />
            <AccountMenu />
          </div>
        </div>
        <nav aria-label={t('nav.main')} className="main-nav">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.path}>
                <NavLink to={href(s.path)} end={s.end}>
                  {t(s.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
        <p>
          <Link to={href('/sources')}>{t('footer.sources')}</Link> · <Link to={href('/changes')}>{t('changes.footer')}</Link> · <a href="/api/docs">{t('footer.api')}</a>
        </p>
      </footer>
    </>
  );
}
