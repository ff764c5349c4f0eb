// One obstacle: its State and instruments, category, description, evidence, sources, the
// strategies to overcome it (with the requests, projects and events that carry them), and per
// instrument whether the State has since become party and which strategies preceded it (computed
// by the API from the treaty record). OHCHR editors and administrators correct it here (its
// instruments, evidence and status too), add strategies, reach each strategy's own form, and
// delete an obstacle entered by mistake once no strategy answers it.
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import type { Obstacle, Strategy } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { isWebAddress, Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccessBadge } from '../edits/AccessLevel.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { ConfirmDelete, SavedNotice } from '../edits/RecordTools.tsx';
import { accessOf } from '../edits/specs.ts';
import { RowsEditor, usePartLists } from '../requests/RowsEditor.tsx';
import { blankEvidence, blankStrategyLink, evidenceFields, evidenceRows, obstacleFields, obstacleStatusFields, obstacleValues, strategyFields, strategyLinkFields } from './specs.ts';

function Ratification({ obstacle }: { obstacle: Obstacle }) {
  const { t, date, list } = useI18n();
  const ratified = obstacle.ratification.filter((r) => r.party);
  if (ratified.length === 0) return null;
  const kindOf = new Map(obstacle.strategies.map((s) => [s.id, t(`obstacles.strategyKind.${s.kind}`)]));
  return (
    <section aria-labelledby="ratified-title">
      <h2 id="ratified-title">{t('obstacles.ratifiedTitle')}</h2>
      <ul>
        {ratified.map((r) => (
          <li key={r.instrument}>
            {r.instrument}: {r.since ? t('obstacles.ratifiedOn', { date: date(r.since) }) : t('obstacles.ratifiedUndated')}
            {'; '}
            {r.precededBy.length ? t('obstacles.precededBy', { strategies: list(r.precededBy.map((id) => kindOf.get(id) ?? id)) }) : t('obstacles.precededByNone')}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ObstaclePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  // Read again after every navigation: a change saved or a strategy deleted lands here again.
  const { key } = useLocation();
  const loaded = useApi(`obstacle|${id}|${lang}|${key}`, (signal) => getJson<Obstacle>(`/obstacles/${encodeURIComponent(id)}`, { lang }, signal), {
    remember: false,
    subject: `obstacle|${id}|${lang}`,
  });
  usePageTitle(loaded.data ? `${t(`obstacles.category.${loaded.data.category}`)} · ${loaded.data.stateName}` : t('obstacles.title'));
  return <Loadable loaded={loaded}>{(o) => <ObstacleView obstacle={o} />}</Loadable>;
}

function ObstacleView({ obstacle: o }: { obstacle: Obstacle }) {
  const { t, href } = useI18n();
  const { can } = useAuth();
  const path = `/obstacles/${encodeURIComponent(o.id)}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/obstacles')}>{t('obstacles.title')}</Link> › <Link to={href(`/states/${o.state}/gaps`)}>{o.stateName}</Link>
      </p>
      <h1>
        {t(`obstacles.category.${o.category}`)}: {o.stateName}
      </h1>
      <SavedNotice />
      {can.editAll && (
        <p className="buttons">
          {o.strategies.length === 0 ? (
            <ConfirmDelete path={path} version={o.version} what={`${t(`obstacles.category.${o.category}`)}: ${o.stateName}`} after={href('/obstacles')} label={t('obstacles.delete')} />
          ) : (
            <span className="muted">{t('obstacles.deleteStrategiesFirst')}</span>
          )}
        </p>
      )}
      <dl className="facts">
        <dt>{t('obstacles.field.instruments')}</dt>
        <dd>
          {o.instruments.map((i, n) => (
            <span key={i.code}>
              {n > 0 && ', '}
              <Link to={href(`/instruments/${i.code}`)}>{i.name}</Link>
            </span>
          ))}
        </dd>
        <dt>{t('obstacles.field.description')}</dt>
        <dd dir="auto">{o.description}</dd>
        <dt>{t('gaps.col.status')}</dt>
        <dd>
          {t(`obstacles.status.${o.status}`)} {o.statusDate && <FactDate value={o.statusDate} />}
        </dd>
        <dt>{t('obstacles.field.identified')}</dt>
        <dd>
          <FactDate value={o.identified} /> · <bdi>{o.identifiedBy}</bdi>
        </dd>
        <dt>{t('col.sources')}</dt>
        <dd>
          <Sources sources={o.sources} />
        </dd>
      </dl>
      <Evidence evidence={o.evidence} />
      <Ratification obstacle={o} />
      <section aria-labelledby="strategies-title">
        <h2 id="strategies-title">{t('gaps.col.strategies')}</h2>
        {o.strategies.length === 0 ? (
          <Empty>{t('gaps.noneRecorded')}</Empty>
        ) : (
          <ul className="strategies">
            {o.strategies.map((s, n) => (
              <StrategyItem key={s.id} obstacleId={o.id} strategy={s} n={n + 1} editable={can.editAll} />
            ))}
          </ul>
        )}
      </section>
      {can.editAll && (
        <>
          {/* Keyed on the version read: after a save each form starts again from what is stored. */}
          <ObstacleCorrection key={`correct-${o.version}`} obstacle={o} />
          <NewStrategy key={`strategy-${o.version}-${o.strategies.length}`} obstacle={o} />
        </>
      )}
    </>
  );
}

function Evidence({ evidence }: { evidence: Obstacle['evidence'] }) {
  const { t, href } = useI18n();
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('obstacles.evidence')}</h2>
      {evidence.length === 0 ? (
        <Empty>{t('gaps.noneRecorded')}</Empty>
      ) : (
        <ul className="evidence">
          {evidence.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the evidence in its stored order; two pieces may cite one document
            <li key={i}>
              {t(`obstacles.evidenceKind.${e.kind}`)}:{' '}
              {isWebAddress(e.url) ? (
                <a href={e.url} dir="auto">
                  {e.title}
                </a>
              ) : (
                <>
                  <bdi>{e.title}</bdi> <bdi dir="ltr">{e.url}</bdi>
                </>
              )}{' '}
              {e.date && <FactDate value={e.date} />}
              {e.recommendation && (
                <>
                  {' · '}
                  <Link to={href(`/recommendations/${encodeURIComponent(e.recommendation)}`)}>{t('obstacles.evidence.recommendation')}</Link>
                </>
              )}
              {e.event && (
                <>
                  {' · '}
                  <Link to={href(`/events/${encodeURIComponent(e.event)}`)}>{t('obstacles.evidence.event')}</Link>
                </>
              )}
              {e.note && (
                <span className="muted">
                  {' — '}
                  <bdi>{e.note}</bdi>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const LINK_PAGES: Record<Strategy['links'][number]['kind'], string> = { request: 'requests', project: 'projects', event: 'events' };

function StrategyItem({ obstacleId, strategy: s, n, editable }: { obstacleId: string; strategy: Strategy; n: number; editable: boolean }) {
  const { t, href } = useI18n();
  return (
    <li>
      <strong>{t(`obstacles.strategyKind.${s.kind}`)}</strong> ({t(`obstacles.strategyStatus.${s.status}`)}
      {s.start && (
        <>
          , <FactDate value={s.start} />
        </>
      )}
      {s.end && (
        <>
          {' – '}
          <FactDate value={s.end} />
        </>
      )}
      ): <bdi>{s.description}</bdi>
      {s.outcome && (
        <span className="muted">
          {' — '}
          <bdi>{s.outcome}</bdi>
        </span>
      )}{' '}
      <AccessBadge record={s} />
      {s.links.length > 0 && (
        <ul className="inline-list strategy-links" aria-label={t('obstacles.strategy.carriedBy')}>
          {s.links.map((l) => (
            <li key={`${l.kind} ${l.ref}`}>
              {t(`requests.linkKind.${l.kind}`)}:{' '}
              <Link to={href(`/${LINK_PAGES[l.kind]}/${encodeURIComponent(l.ref)}`)}>
                <bdi dir="ltr">{l.ref}</bdi>
              </Link>
              {l.note && (
                <span className="muted">
                  {' '}
                  <bdi>{l.note}</bdi>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <p>
          <Link className="button-link" to={href(`/obstacles/${encodeURIComponent(obstacleId)}/strategies/${encodeURIComponent(s.id)}`)}>
            {t('obstacles.strategy.edit', { n })}
          </Link>
        </p>
      )}
    </li>
  );
}

/** The correction of the obstacle: its fields, whether it still stands, and its evidence given whole. */
function ObstacleCorrection({ obstacle: o }: { obstacle: Obstacle }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const parts = usePartLists({ evidence: evidenceRows(o.evidence) });
  return (
    <section aria-labelledby="correct-obstacle-title">
      <h2 id="correct-obstacle-title">{t('edit.correct')}</h2>
      <EditForm
        fields={[...obstacleFields(t), ...obstacleStatusFields(t)]}
        mode="update"
        initial={obstacleValues(o)}
        version={o.version}
        access={accessOf(o)}
        valuesOf={(current) => (current && typeof current === 'object' && 'evidence' in current ? obstacleValues(current as Obstacle) : null)}
        submitLabel={t('edit.save')}
        partLabels={{ evidence: t('obstacles.evidence') }}
        send={(request) => parts.send(request.body, (body) => write(`/obstacles/${encodeURIComponent(o.id)}`, { method: 'PATCH', body, ifMatch: request.ifMatch, reason: request.reason }))}
        onDone={() => navigate(pathname, { replace: true, state: { edited: 'saved' } })}
        onCancel={() => navigate(href('/obstacles'))}
        parts={
          <RowsEditor
            legend={t('obstacles.evidence')}
            path="evidence"
            fields={evidenceFields(t)}
            rows={parts.lists.evidence}
            onChange={parts.set('evidence')}
            blank={blankEvidence}
            rowLabel={(n) => t('obstacles.evidence.row', { n })}
            addLabel={t('obstacles.evidence.add')}
            error={parts.error}
          />
        }
      />
    </section>
  );
}

function NewStrategy({ obstacle: o }: { obstacle: Obstacle }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const parts = usePartLists({ links: [] });
  return (
    <section aria-labelledby="add-strategy-title">
      <h2 id="add-strategy-title">{t('obstacles.newStrategy')}</h2>
      <EditForm
        fields={strategyFields(t)}
        mode="create"
        initial={{ kind: '', status: 'planned' }}
        // A strategy is seen by those who see its obstacle unless the editor says otherwise.
        access={accessOf(o)}
        valuesOf={() => null}
        submitLabel={t('edit.create')}
        partLabels={{ links: t('obstacles.strategy.carriedBy') }}
        send={(request) => parts.send(request.body, (body) => write(`/obstacles/${encodeURIComponent(o.id)}/strategies`, { body, reason: request.reason }))}
        onDone={() => navigate(pathname, { replace: true, state: { edited: 'created' } })}
        onCancel={() => navigate(href('/obstacles'))}
        parts={
          <RowsEditor
            legend={t('obstacles.strategy.carriedBy')}
            path="links"
            fields={strategyLinkFields(t)}
            rows={parts.lists.links}
            onChange={parts.set('links')}
            blank={blankStrategyLink}
            rowLabel={(n) => t('requests.link.row', { n })}
            addLabel={t('requests.link.add')}
            error={parts.error}
          />
        }
      />
    </section>
  );
}
