// One resolution (GET /api/v1/resolutions/{id}): its header (the UN symbol, or a notice that
// the identifier is local and not an official symbol), the file it was read from and its
// SHA-256, the Akoma Ntoso download, the parser's doubts in a panel of their own, the text with
// anchored paragraphs and footnotes, its mandates, its family (the resolutions it recalls, linked
// when stored, and later ones) and the word-level comparison with one of them.
import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { apiUrl, getJson } from '../../api/client.ts';
import type { ResolutionDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SavedNotice } from '../edits/RecordTools.tsx';
import { Compare, type FamilyMember } from './Compare.tsx';
import { MandateTable } from './MandateTable.tsx';
import { BodyName, ResolutionKey, SessionNumber } from './parts.tsx';
import { ResolutionText } from './ResolutionText.tsx';

/** Once the text is shown, the paragraph the address names (#op13) is brought into view. */
function useScrollToAnchor(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}

function Header({ r }: { r: ResolutionDetail }) {
  const { t } = useI18n();
  return (
    <>
      {!r.official && (
        <p className="notice local-notice" role="note">
          <strong>{t('resolutions.localNotice.title')}</strong> {t('resolutions.localNotice.text')}
        </p>
      )}
      <dl className="facts">
        <dt>{r.official ? t('resolutions.symbol') : t('resolutions.localKey')}</dt>
        <dd>
          <ResolutionKey resolutionKey={r.key} official={r.official} />
        </dd>
        <dt>{t('resolutions.body')}</dt>
        <dd>
          <BodyName name={r.body} />
        </dd>
        <dt>{t('resolutions.session')}</dt>
        <dd>
          <SessionNumber session={r.session} />
        </dd>
        <dt>{t('resolutions.adoptedOn')}</dt>
        <dd>
          <FactDate value={r.adoptedOn} />
        </dd>
        <dt>{t('resolutions.meeting')}</dt>
        <dd>
          {r.meeting ? (
            <span lang="en" dir="ltr">
              {r.meeting}
            </span>
          ) : (
            <span className="muted">{t('resolutions.notStated')}</span>
          )}
        </dd>
        <dt>{t('resolutions.file')}</dt>
        <dd>
          <span dir="ltr">{r.fileName}</span>
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code dir="ltr" className="hash">
            {r.fileSha256}
          </code>
        </dd>
      </dl>
    </>
  );
}

/** Every anchor of the text: a doubt about one of them links to it. */
function anchorsOf(r: ResolutionDetail): Set<string> {
  type Sub = ResolutionDetail['paragraphs'][number]['subParagraphs'][number];
  const subs = (list: Sub[]): string[] => list.flatMap((s) => [s.anchor, ...subs(s.children)]);
  return new Set(r.paragraphs.flatMap((p) => [p.anchor, ...subs(p.subParagraphs)]));
}

function Doubts({ r }: { r: ResolutionDetail }) {
  const { t } = useI18n();
  const anchors = anchorsOf(r);
  return (
    <section aria-labelledby="doubts-title" className={`panel doubts${r.doubtList.length ? ' has-doubts' : ''}`}>
      <h2 id="doubts-title">{t('resolutions.doubtsTitle')}</h2>
      {r.doubtList.length === 0 ? (
        <p>{t('resolutions.noDoubts')}</p>
      ) : (
        <>
          <p>{t('resolutions.doubtsLead')}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('resolutions.doubtWhere')}</th>
                <th scope="col">{t('resolutions.doubtWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {r.doubtList.map((d) => (
                <tr key={`${d.where} ${d.why}`}>
                  <td>
                    {anchors.has(d.where) ? (
                      <a href={`#${d.where}`} dir="ltr">
                        {d.where}
                      </a>
                    ) : (
                      <span dir="ltr">{d.where}</span>
                    )}
                  </td>
                  <td lang="en" dir="ltr">
                    {d.why}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Family({ r }: { r: ResolutionDetail }) {
  const { t, href, list } = useI18n();
  const link = (m: FamilyMember) => (
    <Link key={m.id} to={href(`/resolutions/${encodeURIComponent(m.id)}`)} dir="ltr">
      {m.key}
    </Link>
  );
  return (
    <section aria-labelledby="family-title">
      <h2 id="family-title">{t('resolutions.family')}</h2>
      <h3>{t('resolutions.recalls')}</h3>
      {r.family.recalls.length === 0 ? (
        <p className="muted">{t('resolutions.noRecalls')}</p>
      ) : (
        <ul className="family">
          {r.family.recalls.map((c) => {
            const stored = c.matches.length > 0 ? c.matches : c.stored ? [c.stored] : [];
            return (
              <li key={`${c.body ?? ''} ${c.ref}`}>
                <span dir="ltr">{c.ref}</span>
                {c.body && (
                  <>
                    {' '}
                    (<BodyName name={c.body} />)
                  </>
                )}
                {c.date && (
                  <>
                    {' '}
                    <span lang="en" dir="ltr" className="muted">
                      {c.date}
                    </span>
                  </>
                )}{' '}
                —{' '}
                {stored.length > 0 ? (
                  <>
                    {t('resolutions.storedAs')} {stored.map((m, i) => [i > 0 ? ', ' : '', link(m)])}
                  </>
                ) : (
                  <span className="small muted">{t('resolutions.notStored')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('resolutions.later')}</h3>
      {r.family.later.length === 0 ? (
        <p className="muted">{t('resolutions.noLater')}</p>
      ) : (
        <ul className="family">
          {r.family.later.map((m) => (
            <li key={m.id}>
              {link(m)} <FactDate value={m.adoptedOn} />{' '}
              <span className="small muted">({list(m.reasons.map((reason) => t(reason === 'cites' ? 'resolutions.reason.cites' : 'resolutions.reason.sameTitle')))})</span>
            </li>
          ))}
        </ul>
      )}
      {r.family.notes.length > 0 && (
        <ul className="small muted">
          {r.family.notes.map((note) => (
            <li key={note}>
              <span lang="en" dir="ltr">
                {note}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The other texts of the family the store holds, each once: what the comparison may be made with. */
function familyMembers(r: ResolutionDetail): FamilyMember[] {
  const all = [...r.family.recalls.flatMap((c) => [...(c.stored ? [c.stored] : []), ...c.matches]), ...r.family.later];
  return [...new Map(all.filter((m) => m.id !== r.id).map((m): [string, FamilyMember] => [m.id, m])).values()];
}

export function ResolutionPage() {
  const { id = '' } = useParams();
  const { t, href } = useI18n();
  const loaded = useApi(`resolution|${id}`, (signal) => getJson<ResolutionDetail>(`/resolutions/${encodeURIComponent(id)}`, {}, signal), { remember: false });
  const r = loaded.data;
  usePageTitle(r ? (r.symbol ?? r.title ?? r.key) : loaded.error ? t('notFound.title') : undefined);
  useScrollToAnchor(r !== undefined);
  return (
    <Loadable loaded={loaded}>
      {(r) => {
        const members = familyMembers(r);
        return (
          <>
            <p className="breadcrumb">
              <Link to={href('/resolutions')}>{t('resolutions.title')}</Link>
            </p>
            <h1>
              {r.title ? (
                <span lang={r.lang} dir={r.lang === 'ar' ? 'rtl' : 'ltr'}>
                  {r.title}
                </span>
              ) : (
                <>
                  {t('resolutions.untitled')} <span dir="ltr">{r.key}</span>
                </>
              )}
            </h1>
            <SavedNotice />
            <Header r={r} />
            <p className="toolbar">
              <a className="button-link" href={apiUrl(`/resolutions/${encodeURIComponent(r.id)}/akn`)} download>
                {t('resolutions.akn')}
              </a>
              <a className="button-link" href="#mandates-title">
                {t('resolutions.toMandates')}
              </a>
            </p>
            <Doubts r={r} />
            <ResolutionText resolution={r} />
            <section aria-labelledby="mandates-title">
              <h2 id="mandates-title">{t('mandates.ofResolution')}</h2>
              {r.mandates.length === 0 ? <p className="muted">{t('mandates.none')}</p> : <MandateTable mandates={r.mandates} caption={t('mandates.ofResolution')} showResolution={false} />}
            </section>
            <Family r={r} />
            <Compare id={r.id} members={members} lang={r.lang} />
          </>
        );
      }}
    </Loadable>
  );
}
