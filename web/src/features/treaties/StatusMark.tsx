// A treaty status as a symbol and a word: the symbol's shape (not only its colour) tells the
// statuses apart on screen and in print, and the word is what a screen reader reads.
import type { TreatyStatus } from '../../api/types.ts';
import { STATUS_SYMBOLS as SYMBOLS, TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function StatusMark({ status }: { status: TreatyStatus }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`mark status-${status}`} aria-hidden="true">
        {SYMBOLS[status]}
      </span>
      <span className="visually-hidden">{t(`treaty.status.${status}`)}</span>
    </>
  );
}

export function StatusLegend() {
  const { t } = useI18n();
  return (
    <div className="legend status-legend">
      <h2 className="legend-title">{t('treaties.legend')}</h2>
      <dl>
        {TREATY_STATUSES.map((s) => (
          <div key={s} data-status={s}>
            <dt>
              <span className={`mark status-${s}`} aria-hidden="true">
                {SYMBOLS[s]}
              </span>{' '}
              {t(`treaty.status.${s}`)}
            </dt>
            <dd>{t(`treaties.statusHelp.${s}`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
