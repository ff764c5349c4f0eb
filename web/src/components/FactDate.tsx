import { useI18n } from '../i18n/i18n.tsx';

/** A date shown as precisely as it is known, with the machine-readable value kept. */
export function FactDate({ value, uncertain = false }: { value: string | null | undefined; uncertain?: boolean }) {
  const { date, t } = useI18n();
  if (!value) return <span className="muted">{t('fact.noDate')}</span>;
  return (
    <time dateTime={value} title={uncertain ? t('fact.uncertain') : undefined}>
      {date(value)}
      {uncertain && ' ?'}
    </time>
  );
}
