// What every record of the technical-cooperation programme carries, shown the same on the pages
// of requests and projects: what it answers or serves (links), the records that answer it, and
// its documents. A link goes to the linked record's page where the app has one; a resolution's
// paragraph is text (`local:…#op8f`), isolated so its Latin signs keep their order in Arabic.
import { Link } from 'react-router';
import { isWebAddress } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export interface LinkView {
  kind: string;
  ref: string;
  note: string | null;
}

export interface BackLinkView {
  kind: string;
  id: string;
  note: string | null;
}

export interface DocumentView {
  title: string;
  url: string;
  category: string | null;
  lang: string | null;
  date: string | null;
}

/** The app's page of a linked record, or null where there is none (a resolution's paragraph). */
export function linkPath(kind: string, ref: string): string | null {
  const id = encodeURIComponent(ref);
  switch (kind) {
    case 'recommendation':
      return `/recommendations/${id}`;
    case 'instrument':
      return `/instruments/${id}`;
    case 'request':
      return `/requests/${id}`;
    case 'project':
      return `/projects/${id}`;
    case 'event':
      return `/events/${id}`;
    default:
      return null;
  }
}

function LinkItem({ kind, id, note }: { kind: string; id: string; note: string | null }) {
  const { t, href } = useI18n();
  const path = linkPath(kind, id);
  return (
    <li>
      <span className="muted">{t(`requests.linkKind.${kind}`)}:</span>{' '}
      {path ? (
        <Link to={href(path)}>
          <bdi>{id}</bdi>
        </Link>
      ) : (
        <bdi>{id}</bdi>
      )}
      {note && (
        <>
          {' — '}
          <span lang="en" dir="ltr">
            {note}
          </span>
        </>
      )}
    </li>
  );
}

export function CooperationLinks({ links, linkedFrom }: { links: LinkView[]; linkedFrom: BackLinkView[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t('requests.links')}</h2>
      <h3>{t('requests.answers')}</h3>
      {links.length === 0 ? (
        <p className="muted">{t('requests.noLinks')}</p>
      ) : (
        <ul>
          {links.map((l) => (
            <LinkItem key={`${l.kind} ${l.ref}`} kind={l.kind} id={l.ref} note={l.note} />
          ))}
        </ul>
      )}
      <h3>{t('requests.answeredBy')}</h3>
      {linkedFrom.length === 0 ? (
        <p className="muted">{t('requests.noLinkedFrom')}</p>
      ) : (
        <ul>
          {linkedFrom.map((l) => (
            <LinkItem key={`${l.kind} ${l.id}`} kind={l.kind} id={l.id} note={l.note} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function CooperationDocuments({ documents }: { documents: DocumentView[] }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('requests.documents')}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('requests.noDocuments')}</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li key={`${d.url} ${d.title}`}>
              {isWebAddress(d.url) ? (
                <a href={d.url} rel="noopener noreferrer" target="_blank" lang={d.lang ?? 'en'} dir="auto">
                  {d.title}
                </a>
              ) : (
                <>
                  <span lang={d.lang ?? 'en'} dir="auto">
                    {d.title}
                  </span>{' '}
                  <bdi className="url">{d.url}</bdi>
                </>
              )}
              {(d.category || d.date) && (
                <span className="muted"> ({[d.category ? t('requests.documentCategory', { code: d.category }) : '', d.date ? date(d.date) : ''].filter(Boolean).join(' · ')})</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
