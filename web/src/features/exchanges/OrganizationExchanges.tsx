// The section of an organization's page that lists its exchanges with the UN (its own and its
// mechanisms'), newest first, read from GET /api/v1/exchanges?organization=; a link to the whole
// list filtered on it. Small on purpose: the organization page loads it with its own data.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { ExchangeItem } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PartyList, Span } from './parts.tsx';

const SHOWN = 20;

export function OrganizationExchanges({ organization }: { organization: string }) {
  const { t, lang, href } = useI18n();
  const loaded = useApi(`exchanges|org|${organization}|${lang}`, (signal) =>
    getJson<{ items: ExchangeItem[]; total: number }>('/exchanges', { organization, lang, sort: '-start', limit: SHOWN }, signal),
  );
  return (
    <section aria-labelledby="exchanges-title">
      <h2 id="exchanges-title">{t('exchanges.withUn')}</h2>
      <Loadable loaded={loaded}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="muted">{t('exchanges.noneRecorded')}</p>
          ) : (
            <>
              <ul className="exchange-list">
                {items.map((e) => (
                  <li key={e.id}>
                    <Span start={e.start} end={e.end} /> —{' '}
                    <Link to={href(`/exchanges/${e.id}`)}>
                      {
                        <span lang="en" dir="ltr">
                          {e.title}
                        </span>
                      }
                    </Link>{' '}
                    ({t(`exchanges.kind.${e.kind}`)}; <PartyList parties={e.parties} side="un" />)
                  </li>
                ))}
              </ul>
              <p>
                <Link to={href(`/exchanges?organization=${encodeURIComponent(organization)}`)}>{t('exchanges.allOf', { count: total })}</Link>
              </p>
            </>
          )
        }
      </Loadable>
    </section>
  );
}
