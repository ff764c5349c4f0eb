// The treaty acts editors entered in Accord for a State or an instrument, for signed-in readers
// (an internal or restricted act is listed only to those who may see it), each leading to its
// page, and "Enter an act" for those who may.
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { EnteredAct } from '../../api/types.ts';
import { actSeq } from './TreatyActPages.tsx';

export function EnteredActs({ instrument, participant, mayEnter }: { instrument?: string; participant?: string; mayEnter: boolean }) {
  const { user } = useAuth();
  if (!user) return null;
  return <Acts instrument={instrument} participant={participant} mayEnter={mayEnter} />;
}

function Acts({ instrument, participant, mayEnter }: { instrument?: string; participant?: string; mayEnter: boolean }) {
  const { t, href } = useI18n();
  const loaded = useApi(`entered|${instrument ?? ''}|${participant ?? ''}`, (signal) => getJson<{ items: EnteredAct[] }>('/treaty-actions', { instrument, participant }, signal), { remember: false });
  const query = new URLSearchParams({ ...(instrument ? { instrument } : {}), ...(participant ? { participant } : {}) });
  const acts = loaded.data?.items ?? [];
  return (
    <section aria-labelledby="entered-title" className="entered-acts">
      <h2 id="entered-title">{t('edit.entered')}</h2>
      <p className="muted">{t('edit.entered.lead')}</p>
      {loaded.data && acts.length === 0 && <p className="muted">{t('edit.entered.none')}</p>}
      {acts.length > 0 && (
        <ul>
          {acts.map((act) => (
            <li key={act.id}>
              <Link to={href(`/treaty-acts/${act.instrument}/${actSeq(act)}`)}>
                {t(`edit.actKind.${act.kind}`)} · <bdi>{participant ? act.instrument : act.participant}</bdi> · <FactDate value={act.date} />
              </Link>
              {act.confidentiality !== 'public' && <span className="badge">{t(`edit.access.${act.confidentiality}`)}</span>}
            </li>
          ))}
        </ul>
      )}
      {mayEnter && (
        <p>
          <Link className="button-link" to={`${href('/treaty-acts/new')}?${query}`}>
            {t('edit.enterAct')}
          </Link>
        </p>
      )}
    </section>
  );
}
