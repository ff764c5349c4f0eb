// Entering an obstacle to ratification (OHCHR editors and administrators, as the API allows):
// the State, the instruments, the category from the documented taxonomy (docs/OBSTACLES.md), the
// description, when and by whom it was identified, the source and who may see it. Evidence
// documents are entered through the API or the CLI. After saving, the State's gap page shows it.
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import type { Translate } from '../../api/problems.ts';
import { Empty } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OBSTACLE_CATEGORIES } from '../../../../src/shared/vocabularies.ts';
import { EditForm } from '../edits/EditForm.tsx';
import type { FieldSpec } from '../edits/rules.ts';

function obstacleFields(t: Translate): FieldSpec[] {
  return [
    { name: 'state', kind: 'iso3', label: t('obstacles.field.state'), hint: t('edit.hint.iso3'), required: true },
    { name: 'instruments', kind: 'codes', label: t('obstacles.field.instruments'), required: true },
    {
      name: 'category',
      kind: 'select',
      label: t('obstacles.field.category'),
      required: true,
      options: [['', t('edit.choose')], ...OBSTACLE_CATEGORIES.map((c): [string, string] => [c, t(`obstacles.category.${c}`)])],
    },
    { name: 'description', kind: 'textarea', label: t('obstacles.field.description'), required: true, max: 4000 },
    { name: 'identified', kind: 'date', label: t('obstacles.field.identified'), required: true },
    { name: 'identifiedBy', kind: 'text', label: t('obstacles.field.identifiedBy'), required: true, max: 300 },
  ];
}

export function NewObstaclePage() {
  const { t, href } = useI18n();
  const navigate = useNavigate();
  const { write, can } = useAuth();
  const [params] = useSearchParams();
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
          send={({ body, reason }) => write('/obstacles', { body, reason })}
          onDone={(made: { id: string }) => navigate(state ? back : href(`/obstacles/${made.id}`), { state: { edited: 'created' } })}
          onCancel={() => navigate(back)}
        />
      ) : (
        <Empty>{t('obstacles.notAllowed')}</Empty>
      )}
    </>
  );
}
