// Data quality: every disagreement between the treaty sources, what each side says, which one
// the status follows and where each comes from, after the rules that decide between them.
import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { getAll } from '../../api/client.ts';
import { useAll, useInstruments, useOrganizations, useStates } from '../../api/registry.ts';
import type { ImportDataset, Instrument, MembershipConflict, Source, SourceEntry, StateSummary, TreatyConflict } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Name } from '../../components/Name.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { Sources, sourcesText, uniqueSources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SourceCurrency } from '../../components/SourceCurrency.tsx';
import { today } from '../../components/DateControl.tsx';
import { collectionsOf, DatasetsTable } from './DatasetsTable.tsx';
import { MembershipConflictsTable } from './MembershipConflictsTable.tsx';
import { NameFallbacksSection } from './NameFallbacksTable.tsx';
import { PeerDisagreementsSection } from '../sync/PeerDisagreements.tsx';
import { WholeDownloads } from './WholeDownloads.tsx';
import { collectionName, conflictText, isolated, provenanceText, sideSources, sideWords } from './conflict-words.ts';
import { CONFLICT_KINDS } from '../../../../src/shared/vocabularies.ts';

function Rules() {
  const { t } = useI18n();
  return (
    <section className="prose" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('quality.rulesTitle')}</h2>
      <ol>
        {['rule1', 'rule2', 'rule3', 'rule4'].map((rule) => (
          <li key={rule}>{t(`quality.${rule}`)}</li>
        ))}
      </ol>
      <details className="table-disclosure">
        <summary>{t('quality.kindsTitle')}</summary>
        <dl className="facts">
          {CONFLICT_KINDS.map((kind) => (
            <Fragment key={kind}>
              <dt>{t(`quality.kind.${kind}`)}</dt>
              <dd>{t(`quality.kindHelp.${kind}`)}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </section>
  );
}

interface Props {
  conflicts: TreatyConflict[];
  states: StateSummary[];
  instruments: Instrument[];
  sources: SourceEntry[];
}

function ConflictTable({ conflicts, states, instruments, sources }: Props) {
  const i18n = useI18n();
  const { t, href } = i18n;
  const [instrument, setInstrument] = useQueryParam('t.instrument');
  const [state, setState] = useQueryParam('t.state');
  const [kind, setKind] = useQueryParam('t.kind');
  const names = useMemo(() => new Map(states.map((s) => [s.iso3, s])), [states]);
  const titles = useMemo(() => new Map(instruments.map((i) => [i.code, i.title])), [instruments]);
  const index = useMemo(() => new Map<string, Source>(sources.map((s) => [s.id, s])), [sources]);
  const nameOf = (c: TreatyConflict) => names.get(c.participant)?.name ?? c.participant;
  const sourcesOf = (c: TreatyConflict) => uniqueSources(c.sides.flatMap((side) => sideSources(side, index)));

  const rows = conflicts.filter((c) => (!instrument || c.instrument === instrument) && (!state || c.participant === state) && (!kind || c.kind === kind));
  const unique = (values: [string, string][]) => [...new Map(values).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const columns: Column<TreatyConflict>[] = [
    {
      id: 'instrument',
      header: t('col.instrument'),
      cell: (c) => (
        <Link to={href(`/instruments/${c.instrument}`)} title={titles.get(c.instrument)}>
          {c.instrument}
        </Link>
      ),
      value: (c) => c.instrument,
    },
    {
      id: 'state',
      header: t('col.state'),
      cell: (c) =>
        c.participantKind === 'state' ? (
          <Link to={href(`/states/${c.participant}`)}>
            <Name text={nameOf(c)} lang={names.get(c.participant)?.nameLang} />
          </Link>
        ) : (
          <bdi>{c.participant}</bdi>
        ),
      value: nameOf,
    },
    { id: 'kind', header: t('col.kind'), cell: (c) => t(`quality.kind.${c.kind}`), value: (c) => c.kind },
    {
      id: 'says',
      header: t('quality.col.says'),
      cell: (c) => (
        <ul className="sides">
          {c.sides.map((side, n) => {
            const words = sideWords(side, i18n, isolated);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the sides of one conflict have no id; shown as a whole, never reordered
              <li key={n}>
                {words.text}
                {words.quote && (
                  <>
                    {' '}
                    <q lang="en" dir="ltr">
                      {words.quote}
                    </q>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ),
      value: (c) => conflictText(c, i18n),
    },
    { id: 'followed', header: t('quality.col.follows'), cell: (c) => (c.followed ? collectionName(c.followed, t, isolated) : t('quality.follows.none')), value: (c) => c.followed ?? '' },
    {
      id: 'provenance',
      header: t('quality.col.provenance'),
      cell: (c) => (
        <ul className="sides">
          {c.sides.map((side, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the sides of one conflict have no id; shown as a whole, never reordered
            <li key={n}>
              <span className="provenance">{provenanceText(side, t, isolated)}</span> <Sources sources={sideSources(side, index)} />
            </li>
          ))}
        </ul>
      ),
      value: (c) => c.sides.map((side) => provenanceText(side, t)).join(' — '),
    },
  ];
  return (
    <DataTable
      caption={t('quality.caption')}
      columns={columns}
      rows={rows}
      rowKey={(c) => `${c.instrument}|${c.participant}|${c.kind}|${c.sides.map((s) => `${s.collection}${s.date}${s.row}`).join('|')}`}
      urlKey="t"
      exportName="accord-treaty-conflicts"
      exportExtra={(c) => ({ iso3: c.participant, participantKind: c.participantKind, followedCollection: c.followed, sources: sourcesText(sourcesOf(c)) })}
      empty={t('quality.none')}
      controls={
        <>
          <SelectFilter label={t('col.instrument')} value={instrument} onChange={(v) => setInstrument(v, ['t.page'])} options={unique(conflicts.map((c) => [c.instrument, c.instrument]))} />
          <SelectFilter label={t('col.state')} value={state} onChange={(v) => setState(v, ['t.page'])} options={unique(conflicts.map((c) => [c.participant, nameOf(c)]))} />
          <SelectFilter label={t('col.kind')} value={kind} onChange={(v) => setKind(v, ['t.page'])} options={CONFLICT_KINDS.map((k) => [k, t(`quality.kind.${k}`)])} />
        </>
      }
    />
  );
}

export function DataQualityPage() {
  const { t, lang, href } = useI18n();
  usePageTitle(t('quality.title'));
  const loaded = useAll(
    useApi('conflicts', (signal) => getAll<TreatyConflict>('/data-quality/conflicts', {}, signal)),
    useStates(lang),
    useInstruments(lang),
    // The same request, and so the same answer in memory, as the Sources page.
    useApi('sources', (signal) => getAll<SourceEntry>('/sources', {}, signal)),
  );
  const datasets = useApi('datasets', (signal) => getAll<ImportDataset>('/data-quality/datasets', {}, signal));
  const memberships = useAll(
    useApi('membership-conflicts', (signal) => getAll<MembershipConflict>('/data-quality/membership-conflicts', {}, signal)),
    useStates(lang),
    useOrganizations(lang, today()),
    useApi('sources', (signal) => getAll<SourceEntry>('/sources', {}, signal)),
  );
  return (
    <>
      <h1>{t('quality.title')}</h1>
      <p className="lead">{t('quality.lead')}</p>
      {datasets.data && <SourceCurrency collections={collectionsOf(datasets.data)} />}
      <p>
        <Link to={href('/treaties')}>{t('treaties.title')}</Link> · <Link to={href('/sources')}>{t('nav.sources')}</Link> · <Link to={href('/sync/records')}>{t('sync.recordsLink')}</Link>
      </p>
      <Rules />
      <section id="conflicts" aria-labelledby="conflicts-title">
        <h2 id="conflicts-title">{t('quality.listTitle')}</h2>
        <Loadable loaded={loaded}>{([conflicts, states, instruments, sources]) => <ConflictTable conflicts={conflicts} states={states} instruments={instruments} sources={sources} />}</Loadable>
      </section>
      <section id="memberships" aria-labelledby="memberships-title">
        <h2 id="memberships-title">{t('quality.membership.title')}</h2>
        <p>{t('quality.membership.lead')}</p>
        <Loadable loaded={memberships}>
          {([conflicts, states, organizations, sources]) => <MembershipConflictsTable conflicts={conflicts} states={states} organizations={organizations} sources={sources} />}
        </Loadable>
      </section>
      <NameFallbacksSection />
      <PeerDisagreementsSection />
      <section id="datasets" aria-labelledby="datasets-title">
        <h2 id="datasets-title">{t('quality.datasetsTitle')}</h2>
        <p>{t('quality.datasetsLead')}</p>
        <Loadable loaded={datasets}>{(items) => <DatasetsTable datasets={items} />}</Loadable>
      </section>
      <WholeDownloads />
    </>
  );
}
