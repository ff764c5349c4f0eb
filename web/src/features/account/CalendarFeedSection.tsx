// One's secret calendar address: an iCalendar feed of the events one may see, restricted ones
// included, for a calendar program that cannot sign in. The server keeps only a hash of it, so it
// is shown once, when made (copyable, as a new API token is); making a new one revokes the old,
// and "Revoke" stops it (the address then answers 404). The public calendar needs no secret.
import { useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, FormErrors, useSubmission } from '../../components/Form.tsx';
import { OnceSecret } from '../../components/OnceSecret.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface FeedCreated {
  url: string;
  createdAt: string;
}

export function CalendarFeedSection() {
  const { t } = useI18n();
  const { write } = useAuth();
  const creating = useSubmission<FeedCreated>();
  const revoking = useSubmission<{ revoked: number }>();
  const [confirming, setConfirming] = useState(false);
  const create = async () => {
    revoking.reset();
    await creating.run(() => write<FeedCreated>('/users/me/calendar-feed', { method: 'POST' }));
  };
  const revoke = async () => {
    creating.reset();
    await revoking.run(() => write<{ revoked: number }>('/users/me/calendar-feed', { method: 'DELETE' }));
    setConfirming(false);
  };
  return (
    <section aria-labelledby="calendar-feed-title" className="panel">
      <h2 id="calendar-feed-title">{t('calendar.feed.title')}</h2>
      <p className="muted">{t('calendar.feed.about')}</p>
      <p className="muted">
        {t('calendar.feed.public')} <bdi dir="ltr">{`${window.location.origin}${apiUrl('/events.ics')}`}</bdi>
      </p>
      <FormErrors error={creating.error ?? revoking.error} />
      {revoking.result && <Done>{revoking.result.revoked > 0 ? t('calendar.feed.revoked') : t('calendar.feed.noneToRevoke')}</Done>}
      {creating.result && <OnceSecret label={t('calendar.feed.address')} value={creating.result.url} warning={t('calendar.feed.once')} />}
      <div className="buttons">
        <button type="button" className="primary" onClick={create} disabled={creating.busy}>
          {t('calendar.feed.create')}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('calendar.feed.revoke')}
        </button>
      </div>
      <ConfirmDialog open={confirming} title={t('calendar.feed.revokeTitle')} confirmLabel={t('calendar.feed.revoke')} busy={revoking.busy} onConfirm={revoke} onCancel={() => setConfirming(false)}>
        <p>{t('calendar.feed.revokeText')}</p>
      </ConfirmDialog>
    </section>
  );
}
