// Why a mechanism counts as it does on the map: its class, then the reasons in the page's
// language. Codes are isolated (<bdi>) and the declaration's English wording is marked as such,
// so that both read correctly inside Arabic sentences.
import type { Mechanism } from '../../api/types.ts';
import { Template } from '../../components/Template.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { explainClass, type Reason } from './mechanism-class.ts';

function ReasonText({ reason }: { reason: Reason }) {
  const { t } = useI18n();
  const codes = (list: string[]) =>
    list.map((code, i) => (
      <span key={code}>
        {i > 0 && ', '}
        <bdi>{code}</bdi>
      </span>
    ));
  return (
    <Template
      text={t(`mechanism.why.${reason.key}`)}
      parts={{
        organization: <bdi>{reason.organization}</bdi>,
        instruments: codes(reason.instruments ?? []),
        acceptance: (
          <span lang="en" dir="ltr">
            {reason.acceptance}
          </span>
        ),
      }}
    />
  );
}

export function MechanismClass({ mechanism }: { mechanism: Mechanism }) {
  const { t } = useI18n();
  const { mapClass, reasons } = explainClass(mechanism);
  return (
    <span className="mechanism-class" data-class={mapClass ?? 'un'}>
      <strong>{mapClass ? t('mechanism.classIs', { class: t(`map.class.kind.${mapClass}`) }) : t('mechanism.classUn')}</strong>
      {reasons.map((reason) => (
        <span key={reason.key} className="reason">
          {' '}
          <ReasonText reason={reason} />
        </span>
      ))}
    </span>
  );
}
