// Entering an obstacle to ratification (OHCHR editors and administrators, as the API allows):
// the State, the instruments, the category from the documented taxonomy (docs/OBSTACLES.md), the
// description, when and by whom it was identified, the evidence it rests on (each a document),
// the source and who may see it. After saving, the State's gap page shows it.
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { Empty } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EditForm } from '../edits/EditForm.tsx';
import { RowsEditor, usePartLists } from '../requests/RowsEditor.tsx';
import { blankEvidence, evidenceFields, obstacleFields } from './specs.ts';

export function NewObstaclePage() {
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const { write, can } = useAuth();
  const [params] = useSearchParams();
  const parts = usePartLists({ evidence: [] });
  const state = (params.get('state') ?? '').toUpperCase();
  usePageTitle(t('obstacles.new'));
  const back = state ? href(`/states/${state}/gaps`) : href('/states');
  return (
    <>
      {state && (
        <p className="breadcrumb">
          <Link to={back}>{t('gaps.titleShort')}</Link>
        </p>
      )}
      <h1>{t('obstacles.new')}</h1>
      {can.editAll ? (
        <EditForm
          fields={obstacleFields(t)}
          mode="create"
          initial={{ state, category: '' }}
          valuesOf={() => null}
          submitLabel={t('edit.create')}
          partLabels={{ evidence: t('obstacles.evidence') }}
          send={(request) => parts.send(request.body, (body) => write<{ id: string }>('/obstacles', { body, reason: request.reason }))}
          onDone={(made) => navigate(state ? back : href(`/obstacles/${made.id}`), { state: { edited: 'created' } })}
          onCancel={() => navigate(back)}
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
      ) : (
        <Empty>{t('obstacles.notAllowed')}</Empty>
      )}
    </>
  );
}
