// One strategy's form, for OHCHR editors and administrators (/obstacles/:id/strategies/:strategyId):
// its kind, status, description, dates and outcome, the requests, projects and events that carry
// it (given whole), with the source of the change and who may see it (If-Match: a change by
// someone else meanwhile is shown beside the editor's), and its deletion after a confirmation.
// A strategy is read only with its obstacle (GET /obstacles/:id), as the API gives it.
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import type { Obstacle, Strategy } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { ConfirmDelete } from '../edits/RecordTools.tsx';
import { accessOf } from '../edits/specs.ts';
import { RowsEditor, usePartLists } from '../requests/RowsEditor.tsx';
import { blankStrategyLink, strategyFields, strategyLinkFields, strategyLinkRows, strategyValues } from './specs.ts';

export function StrategyPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <StrategyEdit />}</Guard>;
}

function StrategyEdit() {
  const { id = '', strategyId = '' } = useParams();
  const { t, lang, href } = useI18n();
  const loaded = useApi(`obstacle-strategy|${id}|${lang}`, (signal) => getJson<Obstacle>(`/obstacles/${encodeURIComponent(id)}`, { lang }, signal), { remember: false });
  const strategy = loaded.data?.strategies.find((s) => s.id === strategyId);
  usePageTitle(strategy ? t('obstacles.strategy.editTitle', { kind: t(`obstacles.strategyKind.${strategy.kind}`) }) : t('obstacles.title'));
  return (
    <Loadable loaded={loaded}>
      {(o) => {
        const back = href(`/obstacles/${encodeURIComponent(o.id)}`);
        return (
          <>
            <p className="breadcrumb">
              <Link to={href('/obstacles')}>{t('obstacles.title')}</Link> ›{' '}
              <Link to={back}>
                {t(`obstacles.category.${o.category}`)}: {o.stateName}
              </Link>
            </p>
            {strategy ? (
              <>
                <h1>{t('obstacles.strategy.editTitle', { kind: t(`obstacles.strategyKind.${strategy.kind}`) })}</h1>
                <StrategyForm key={strategy.version} obstacle={o} strategy={strategy} />
                <section aria-labelledby="delete-strategy-title">
                  <h2 id="delete-strategy-title">{t('obstacles.strategy.deleteTitle')}</h2>
                  <p className="hint">{t('obstacles.strategy.deleteHint')}</p>
                  <p className="buttons">
                    <ConfirmDelete
                      path={`/obstacles/${encodeURIComponent(o.id)}/strategies/${encodeURIComponent(strategy.id)}`}
                      version={strategy.version}
                      what={`${t(`obstacles.strategyKind.${strategy.kind}`)} (${o.stateName})`}
                      after={back}
                      label={t('obstacles.strategy.delete')}
                    />
                  </p>
                </section>
              </>
            ) : (
              <Empty>{t('errors.notFound')}</Empty>
            )}
          </>
        );
      }}
    </Loadable>
  );
}

function StrategyForm({ obstacle, strategy }: { obstacle: Obstacle; strategy: Strategy }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const parts = usePartLists({ links: strategyLinkRows(strategy.links) });
  const back = href(`/obstacles/${encodeURIComponent(obstacle.id)}`);
  const path = `/obstacles/${encodeURIComponent(obstacle.id)}/strategies/${encodeURIComponent(strategy.id)}`;
  return (
    <EditForm
      fields={strategyFields(t)}
      mode="update"
      initial={strategyValues(strategy)}
      version={strategy.version}
      access={accessOf(strategy)}
      // The 412's `current` is the strategy as stored now.
      valuesOf={(current) => (current && typeof current === 'object' && 'obstacle' in current ? strategyValues(current as Strategy) : null)}
      submitLabel={t('edit.save')}
      partLabels={{ links: t('obstacles.strategy.carriedBy') }}
      send={(request) => parts.send(request.body, (body) => write(path, { method: 'PATCH', body, ifMatch: request.ifMatch, reason: request.reason }))}
      onDone={() => navigate(back, { state: { edited: 'saved' } })}
      onCancel={() => navigate(back)}
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
  );
}
