// On a recommendation's page: the instruments its text asks the State to ratify, accede to,
// sign or withdraw reservations to, as the recogniser read them, each with the words it matched
// (so a reader can judge it) and its review. Administrators and OHCHR editors confirm or reject a
// link; a rejected one counts in no outcome.
import { useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import type { InstrumentLink } from '../../api/types.ts';
import { forgetAnswers } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';

function Review({ recommendation, link, done }: { recommendation: string; link: InstrumentLink; done: () => void }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const send = async (verdict: 'confirmed' | 'rejected') => {
    try {
      await write(`/recommendations/${encodeURIComponent(recommendation)}/instrument-links/${encodeURIComponent(link.instrument)}/${link.action}/review`, {
        method: 'PUT',
        body: { verdict },
        ifMatch: `"v${link.version}"`,
      });
      forgetAnswers();
      done();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <span className="link-review">
      {link.review?.verdict !== 'confirmed' && (
        <button type="button" onClick={() => send('confirmed')}>
          {t('rec.links.confirm')}
        </button>
      )}{' '}
      {link.review?.verdict !== 'rejected' && (
        <button type="button" onClick={() => send('rejected')}>
          {t('rec.links.reject')}
        </button>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}

export function InstrumentLinks({ recommendation, links, reload }: { recommendation: string; links: InstrumentLink[]; reload: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">{t('rec.links.title')}</h2>
      <ul className="instrument-links">
        {links.map((l) => (
          <li key={`${l.instrument}|${l.action}`} data-instrument={l.instrument} data-action={l.action} data-review={l.review?.verdict ?? 'none'}>
            <bdi>{l.instrument}</bdi>: {t(`rec.links.action.${l.action}`)} · {t('rec.links.matched')} <q>{l.matched}</q>
            {l.review && <span className="muted"> · {t(`rec.links.review.${l.review.verdict}`)}</span>} {can.editAll && <Review recommendation={recommendation} link={l} done={reload} />}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('rec.links.note')}</p>
    </section>
  );
}
