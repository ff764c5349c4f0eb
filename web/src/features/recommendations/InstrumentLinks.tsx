// On a recommendation's page: the instruments its text asks the State to ratify, accede to,
// sign or withdraw reservations to, as the recogniser read them, each with the words it matched
// (so a reader can judge it) and its review. Administrators and OHCHR editors confirm or reject a
// link (LinkReview); a rejected one counts in no outcome. The links of every recommendation,
// for review, are on their own page.
import { useState } from 'react';
import { Link } from 'react-router';
import type { InstrumentLink } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LinkReview, useMayReviewLinks } from './LinkReview.tsx';

const keyOf = (l: InstrumentLink) => `${l.instrument}|${l.action}`;

/** Give it `key={recommendation}`: the links reviewed here are kept as the API last answered. */
export function InstrumentLinks({ recommendation, links }: { recommendation: string; links: InstrumentLink[] }) {
  const { t, href } = useI18n();
  const mayReview = useMayReviewLinks();
  const [shown, setShown] = useState(links);
  if (shown.length === 0) return null;
  const replace = (link: InstrumentLink) => setShown((all) => all.map((l) => (keyOf(l) === keyOf(link) ? link : l)));
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t('rec.links.title')}</h2>
      <ul className="instrument-links">
        {shown.map((l) => (
          <li key={keyOf(l)} data-instrument={l.instrument} data-action={l.action} data-review={l.review?.verdict ?? 'none'}>
            <bdi>{l.instrument}</bdi>: {t(`rec.links.action.${l.action}`)} · {t('rec.links.matched')} <q>{l.matched}</q>
            {l.review && <span className="muted"> · {t(`rec.links.review.${l.review.verdict}`)}</span>} {mayReview && <LinkReview recommendation={recommendation} link={l} onReviewed={replace} />}
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t('rec.links.note')} <Link to={href('/recommendations/instrument-links')}>{t('links.link')}</Link>
      </p>
    </section>
  );
}
