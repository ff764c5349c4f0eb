// One obstacle: its State and instruments, category, description, evidence, sources, the
// strategies to overcome it, and per instrument whether the State has since become party and
// which strategies preceded it (computed by the API from the treaty record). OHCHR editors add
// strategies here.
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import type { Translate } from '../../api/problems.ts';
import type { Obstacle } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { isWebAddress, Sources } from '../../components/Sources.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OBSTACLE_CATEGORIES, OBSTACLE_STATUSES, STRATEGY_KINDS, STRATEGY_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { EditForm } from '../edits/EditForm.tsx';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';
import { accessOf } from '../edits/specs.ts';

function strategyFields(t: Translate): FieldSpec[] {
  return [
    {
      name: 'kind',
      kind: 'select',
      label: t('obstacles.field.strategyKind'),
      required: true,
      options: [['', t('edit.choose')], ...STRATEGY_KINDS.map((k): [string, string] => [k, t(`obstacles.strategyKind.${k}`)])],
    },
    { name: 'status', kind: 'select', label: t('gaps.col.status'), required: true, options: STRATEGY_STATUSES.map((s): [string, string] => [s, t(`obstacles.strategyStatus.${s}`)]) },
    { name: 'description', kind: 'textarea', label: t('obstacles.field.description'), required: true, max: 4000 },
    { name: 'start', kind: 'date', label: t('obstacles.field.start') },
    { name: 'end', kind: 'date', label: t('obstacles.field.end') },
    { name: 'outcome', kind: 'textarea', label: t('obstacles.field.outcome'), max: 4000 },
  ];
}

/** What a correction changes: the category, description, and whether the obstacle still stands. */
function correctionFields(t: Translate): FieldSpec[] {
  return [
    { name: 'category', kind: 'select', label: t('obstacles.field.category'), required: true, options: OBSTACLE_CATEGORIES.map((c): [string, string] => [c, t(`obstacles.category.${c}`)]) },
    { name: 'description', kind: 'textarea', label: t('obstacles.field.description'), required: true, max: 4000 },
    { name: 'status', kind: 'select', label: t('gaps.col.status'), required: true, options: OBSTACLE_STATUSES.map((s): [string, string] => [s, t(`obstacles.status.${s}`)]) },
    { name: 'statusDate', kind: 'date', label: t('obstacles.field.statusDate'), hint: t('obstacles.hint.statusDate') },
  ];
}

const correctionValues = (o: Obstacle): Values => ({ category: o.category, description: o.description, status: o.status, statusDate: asValue(o.statusDate) });

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
  const { t, lang, href } = useI18n();
  const { can, write } = useAuth();
  const navigate = useNavigate();
  const loaded = useApi(`obstacle|${id}|${lang}`, (signal) => getJson<Obstacle>(`/obstacles/${id}`, { lang }, signal), { remember: false });
  usePageTitle(loaded.data ? `${t(`obstacles.category.${loaded.data.category}`)} · ${loaded.data.stateName}` : t('obstacles.title'));
  return (
    <Loadable loaded={loaded}>
      {(o) => (
        <>
          <p className="breadcrumb">
            <Link to={href('/obstacles')}>{t('obstacles.title')}</Link> › <Link to={href(`/states/${o.state}/gaps`)}>{o.stateName}</Link>
          </p>
          <h1>
            {t(`obstacles.category.${o.category}`)}: {o.stateName}
          </h1>
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
            <dd>{o.description}</dd>
            <dt>{t('gaps.col.status')}</dt>
            <dd>
              {t(`obstacles.status.${o.status}`)} {o.statusDate && <FactDate value={o.statusDate} />}
            </dd>
            <dt>{t('obstacles.field.identified')}</dt>
            <dd>
              <FactDate value={o.identified} /> · {o.identifiedBy}
            </dd>
            <dt>{t('col.sources')}</dt>
            <dd>
              <Sources sources={o.sources} />
            </dd>
          </dl>
          <section aria-labelledby="evidence-title">
            <h2 id="evidence-title">{t('obstacles.evidence')}</h2>
            {o.evidence.length === 0 ? (
              <Empty>{t('gaps.noneRecorded')}</Empty>
            ) : (
              <ul>
                {o.evidence.map((e) => (
                  <li key={`${e.url}|${e.title}`}>
                    {isWebAddress(e.url) ? <a href={e.url}>{e.title}</a> : `${e.title} (${e.url})`} {e.date && <FactDate value={e.date} />}
                    {e.note && <span className="muted"> — {e.note}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <Ratification obstacle={o} />
          <section aria-labelledby="strategies-title">
            <h2 id="strategies-title">{t('gaps.col.strategies')}</h2>
            {o.strategies.length === 0 ? (
              <Empty>{t('gaps.noneRecorded')}</Empty>
            ) : (
              <ul className="strategies">
                {o.strategies.map((s) => (
                  <li key={s.id}>
                    <strong>{t(`obstacles.strategyKind.${s.kind}`)}</strong> ({t(`obstacles.strategyStatus.${s.status}`)}
                    {s.start && (
                      <>
                        , <FactDate value={s.start} />
                      </>
                    )}
                    ): {s.description}
                    {s.outcome && <span className="muted"> — {s.outcome}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {can.editAll && (
            <section aria-labelledby="correct-obstacle-title">
              <h2 id="correct-obstacle-title">{t('edit.correct')}</h2>
              <EditForm
                key={`correct-${o.version}`}
                fields={correctionFields(t)}
                mode="update"
                initial={correctionValues(o)}
                version={o.version}
                access={accessOf(o)}
                valuesOf={(current) => (current && typeof current === 'object' && 'evidence' in current ? correctionValues(current as Obstacle) : null)}
                submitLabel={t('edit.save')}
                send={({ body, ifMatch, reason }) => write(`/obstacles/${o.id}`, { method: 'PATCH', body, ifMatch, reason })}
                onDone={() => loaded.retry()}
                onCancel={() => navigate(href('/obstacles'))}
              />
            </section>
          )}
          {can.editAll && (
            <section aria-labelledby="add-strategy-title">
              <h2 id="add-strategy-title">{t('obstacles.newStrategy')}</h2>
              <EditForm
                key={`strategy-${o.version}-${o.strategies.length}`}
                fields={strategyFields(t)}
                mode="create"
                initial={{ kind: '', status: 'planned' }}
                valuesOf={() => null}
                submitLabel={t('edit.create')}
                send={({ body, reason }) => write(`/obstacles/${o.id}/strategies`, { body, reason })}
                onDone={() => loaded.retry()}
                onCancel={() => navigate(href('/obstacles'))}
              />
            </section>
          )}
        </>
      )}
    </Loadable>
  );
}
