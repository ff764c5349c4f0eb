// What the resolution and mandate pages share: a resolution's key (its UN symbol, or a local
// identifier said plainly not to be one), a UN body's name as the text prints it, a session, when
// a mandate is due (the day its session ends by, "not known" when no rule fixes it), its status
// with "overdue" in words beside the colour, and the records and documents that answer it.
import { Link } from 'react-router';
import type { Mandate } from '../../api/types.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isWebAddress } from '../../components/Sources.tsx';

/** The key as stored: `A/RES/80/212` (official) or `local:<file name>` (not a UN symbol). */
export function ResolutionKey({ resolutionKey, official }: { resolutionKey: string; official: boolean }) {
  const { t } = useI18n();
  if (official) {
    return (
      <span className="resolution-symbol" dir="ltr">
        {resolutionKey}
      </span>
    );
  }
  return (
    <span className="resolution-local">
      <span dir="ltr">{resolutionKey}</span> <span className="badge local-key">{t('resolutions.localBadge')}</span>
    </span>
  );
}

/** A body's name as the resolution prints it: English, whatever the page. */
export function BodyName({ name }: { name: string | null }) {
  const { t } = useI18n();
  if (!name) return <span className="muted">{t('resolutions.notStated')}</span>;
  return (
    <span lang="en" dir="ltr">
      {name}
    </span>
  );
}

export function SessionNumber({ session }: { session: number | null }) {
  const { t } = useI18n();
  if (session === null) return <span className="muted">{t('resolutions.notStated')}</span>;
  return <>{t('resolutions.sessionN', { n: session })}</>;
}

/** When a mandate is due: the body and session, or the day; and the last day the session can be under way. */
export function Due({ due }: { due: Mandate['due'] }) {
  const { t } = useI18n();
  if (due.session === null && due.date === null) return <span className="muted">{t('mandates.noDue')}</span>;
  return (
    <span className="due">
      {due.session !== null ? (
        <>
          <BodyName name={due.body} />, {t('resolutions.sessionN', { n: due.session })}
        </>
      ) : (
        <FactDate value={due.date} />
      )}
      {due.session !== null && (
        <span className="block small">
          {t('mandates.endsBy')}: {due.endsBy ? <FactDate value={due.endsBy} /> : <span className="muted">{t('mandates.notKnown')}</span>}
        </span>
      )}
    </span>
  );
}

/** The status in words, and "overdue" in words and as a badge when the mandate is. */
export function MandateStatus({ mandate }: { mandate: Pick<Mandate, 'status' | 'overdue' | 'statusDate'> }) {
  const { t } = useI18n();
  return (
    <span className="mandate-status">
      {t(`mandates.status.${mandate.status}`)}
      {mandate.statusDate && (
        <>
          {' '}
          (<FactDate value={mandate.statusDate} />)
        </>
      )}
      {mandate.overdue === true && (
        <>
          {' '}
          <strong className="badge overdue">{t('mandates.overdue')}</strong>
        </>
      )}
    </span>
  );
}

const RECORD_PAGES: Record<string, string> = { request: '/requests/', project: '/projects/', event: '/events/', exchange: '/exchanges/' };
const REGISTRY_PAGES: Record<string, string> = { instrument: '/instruments/', organization: '/organizations/', mechanism: '/mechanisms/' };

/** What answers a mandate: answers entered on it, then programme records linking to its paragraph. */
export function MandateAnswers({ mandate }: { mandate: Pick<Mandate, 'answers' | 'answeredBy'> }) {
  const { t, href } = useI18n();
  if (mandate.answers.length === 0 && mandate.answeredBy.length === 0) return <span className="muted">{t('mandates.noAnswers')}</span>;
  return (
    <ul className="plain-list answers">
      {mandate.answers.map((a) => (
        <li key={`${a.kind} ${a.ref}`}>
          {t(`mandates.answerKind.${a.kind}`)}:{' '}
          {REGISTRY_PAGES[a.kind] ? (
            <Link to={href(`${REGISTRY_PAGES[a.kind]}${encodeURIComponent(a.ref)}`)} dir="ltr">
              {a.ref}
            </Link>
          ) : isWebAddress(a.ref) ? (
            <a href={a.ref} dir="ltr">
              {a.ref}
            </a>
          ) : (
            <span dir="ltr">{a.ref}</span>
          )}
          {a.note && (
            <>
              {' '}
              <span lang="en" dir="ltr" className="muted">
                {a.note}
              </span>
            </>
          )}
        </li>
      ))}
      {mandate.answeredBy.map((r) => (
        <li key={`${r.kind} ${r.id}`}>
          {RECORD_PAGES[r.kind] ? t(`mandates.recordKind.${r.kind}`) : r.kind}:{' '}
          {RECORD_PAGES[r.kind] ? (
            <Link to={href(`${RECORD_PAGES[r.kind]}${encodeURIComponent(r.id)}`)} dir="ltr">
              {r.id}
            </Link>
          ) : (
            <span dir="ltr">{r.id}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The address of a mandate's paragraph on its resolution's page. */
export const paragraphPath = (m: Pick<Mandate, 'resolution' | 'anchor'>) => `/resolutions/${encodeURIComponent(m.resolution.id)}#${m.anchor}`;
