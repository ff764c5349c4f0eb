// On a State's page: the recommendations it received to ratify, accede to or become party to an
// instrument, and what it did afterwards, each act with its date and source; a recommendation
// made when the State was already party, or for an instrument Accord holds no treaty status
// for, is said to be so, never counted as not followed.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { RatificationOutcomes } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { Sources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Item = NonNullable<RatificationOutcomes['items']>[number];

function Outcome({ item }: { item: Item }) {
  const { t } = useI18n();
  if (item.standing !== 'notParty' || !item.windows) return <>{t(`outcomes.standing.${item.standing}`)}</>;
  return (
    <ul className="plain">
      {(['1', '2', '5'] as const).map((n) => (
        <li key={n} data-window={n} data-verdict={item.windows?.[n]}>
          {t(`outcomes.window.${n}`)}: {t(`outcomes.verdict.${item.windows?.[n]}`)}
        </li>
      ))}
    </ul>
  );
}

export function StateRatificationOutcomes({ iso3 }: { iso3: string }) {
  const { t, lang, href } = useI18n();
  const loaded = useApi(`outcomes-of|${iso3}|${lang}`, (signal) => getJson<RatificationOutcomes>('/recommendations/ratification-outcomes', { state: iso3, by: 'state', lang }, signal));
  return (
    <section aria-labelledby="ratify-outcomes-title">
      <h3 id="ratify-outcomes-title">{t('outcomes.state.title')}</h3>
      <Loadable loaded={loaded}>
        {(data) => {
          const items = data.items ?? [];
          if (items.length === 0) return <p>{t('outcomes.state.none')}</p>;
          const sources = new Map(data.sources.map((s) => [s.id, s]));
          const columns: Column<Item>[] = [
            { id: 'session', header: t('outcomes.state.session'), cell: (i) => (i.session === null ? '' : String(i.session)), value: (i) => i.session },
            { id: 'date', header: t('col.date'), cell: (i) => <FactDate value={i.date} />, value: (i) => i.date },
            { id: 'instrument', header: t('outcomes.col.instrument'), cell: (i) => <bdi>{i.instrument.name}</bdi>, value: (i) => i.instrument.code },
            { id: 'response', header: t('outcomes.col.response'), cell: (i) => t(`rec.response.${i.response}`), value: (i) => i.response },
            { id: 'rows', header: t('outcomes.col.total'), cell: (i) => String(i.rows), value: (i) => i.rows, numeric: true },
            {
              id: 'act',
              header: t('outcomes.state.act'),
              cell: (i) =>
                i.act ? (
                  <>
                    {t(`treaty.kind.${i.act.kind}`)} <FactDate value={i.act.date ?? ''} /> <Sources sources={i.act.sources.flatMap((id) => sources.get(id) ?? [])} />
                  </>
                ) : i.standing === 'noData' ? (
                  t('outcomes.standing.noData')
                ) : (
                  t('outcomes.state.noAct')
                ),
              value: (i) => (i.act ? `${i.act.kind} ${i.act.date ?? ''}` : ''),
            },
            { id: 'outcome', header: t('outcomes.state.outcome'), cell: (i) => <Outcome item={i} />, value: (i) => (i.windows ? `${i.windows['1']}/${i.windows['2']}/${i.windows['5']}` : i.standing) },
          ];
          return (
            <>
              <DataTable
                caption={t('outcomes.state.title')}
                columns={columns}
                rows={items}
                rowKey={(i) => `${i.session}|${i.instrument.code}|${i.response}`}
                initialSort={{ id: 'date' }}
                pageSize={25}
                urlKey="ro"
                exportName={`accord-${iso3}-ratification-outcomes`}
              />
              <p className="muted small">
                {t('outcomes.dateRule')} <Link to={`${href('/recommendations/ratification-outcomes')}`}>{t('outcomes.link')}</Link>
              </p>
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
