// Confirming or rejecting one link between a recommendation and an instrument, wherever a link is
// shown (the recommendation's page, the list for review). Administrators and OHCHR editors may:
// `can.editAll`, as the API's mayReviewLinks. The link is updated where it is shown, from the
// API's answer; when someone else reviewed it meanwhile (412), from the review the API says is
// current, with a message to check it and choose again.
import { useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { StaleVersionError } from '../../api/client.ts';
import { errorText, type Said } from '../../api/problems.ts';
import type { InstrumentLink } from '../../api/types.ts';
import { forgetAnswers } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Verdict = NonNullable<InstrumentLink['review']>['verdict'];
const VERDICTS = ['confirmed', 'rejected'] as const satisfies readonly Verdict[];
const BUTTON_WORDS: Record<Verdict, string> = { confirmed: 'rec.links.confirm', rejected: 'rec.links.reject' };

/** Whether the reader may confirm or reject links. */
export function useMayReviewLinks(): boolean {
  return useAuth().can.editAll;
}

/** The link as a 412 says it is now (its `current`: the review and its version), or null. */
function currentOf(error: StaleVersionError, link: InstrumentLink): InstrumentLink | null {
  const current = error.current as { verdict?: Verdict | null; note?: string | null; at?: string | null; version?: unknown } | null;
  if (typeof current?.version !== 'number') return null;
  return { ...link, review: current.verdict ? { verdict: current.verdict, note: current.note ?? null, at: current.at ?? '' } : null, version: current.version };
}

/** Confirm and Reject, the current verdict's button pressed. Both stay in place (a button that
 *  went away would drop the keyboard's focus); pressing the current verdict again does nothing.
 *  `describedBy` names what the link is about, where several links are listed. */
export function LinkReview({ recommendation, link, onReviewed, describedBy }: { recommendation: string; link: InstrumentLink; onReviewed: (link: InstrumentLink) => void; describedBy?: string }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Said | null>(null);
  const send = async (verdict: Verdict) => {
    if (busy || link.review?.verdict === verdict) return;
    setBusy(true);
    setError(null);
    try {
      const path = `/recommendations/${encodeURIComponent(recommendation)}/instrument-links/${encodeURIComponent(link.instrument)}/${link.action}/review`;
      const answer = await write<{ version: number }>(path, { method: 'PUT', body: { verdict }, ifMatch: `"v${link.version}"` });
      onReviewed({ ...link, review: { verdict, note: null, at: new Date().toISOString() }, version: answer.version });
    } catch (problem) {
      const current = problem instanceof StaleVersionError ? currentOf(problem, link) : null;
      if (current) onReviewed(current);
      setError(errorText(problem, t));
    } finally {
      // The outcomes, the searches by instrument and the lists of links kept in memory are read again.
      forgetAnswers();
      setBusy(false);
    }
  };
  return (
    <span className="link-review">
      {VERDICTS.map((verdict) => (
        <button
          key={verdict}
          type="button"
          data-verdict={verdict}
          aria-pressed={link.review?.verdict === verdict}
          aria-disabled={busy || undefined}
          aria-describedby={describedBy}
          onClick={() => send(verdict)}
        >
          {t(BUTTON_WORDS[verdict])}
        </button>
      ))}
      {error && (
        <span role="alert" className="error" {...(error.english ? { lang: 'en', dir: 'ltr' } : {})}>
          {error.text}
        </span>
      )}
    </span>
  );
}
