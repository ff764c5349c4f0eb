// The declaration and reservation texts on record for a State, one disclosure per instrument,
// each with the date printed above it (or "upon ratification, accession or succession" when the
// source prints none) and the section of the source it is printed in. They are long; React
// writes them as text (never as markup), and the stylesheet keeps their line breaks.
import type { StateTreaties } from '../../api/types.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Sources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TreatyRow } from './StateTreatyTable.tsx';

export function TreatyTexts({ answer, rows }: { answer: StateTreaties; rows: TreatyRow[] }) {
  const { t, number } = useI18n();
  const kindName = (kind: string) => {
    const name = t(`treaty.textKind.${kind}`);
    return name === `treaty.textKind.${kind}` ? kind : name;
  };
  const withTexts = rows.filter((r) => r.reservations.length > 0);
  return (
    <section aria-labelledby="treaty-texts-title">
      <h3 id="treaty-texts-title">{t('treaty.texts')}</h3>
      {withTexts.length === 0 ? (
        <p className="muted">{t('treaty.noTexts')}</p>
      ) : (
        <>
          <p className="muted">{t('treaty.textsLead')}</p>
          {withTexts.map((row) => (
            <details key={row.instrument} className="treaty-texts" data-instrument={row.instrument}>
              <summary>
                <Name text={row.name} lang={row.nameLang} /> ({number(row.reservations.length)})
              </summary>
              {row.reservations.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: texts on record have no id; shown as a whole, never reordered
                <div key={i} className="treaty-text" data-kind={r.kind}>
                  <p className="text-heading">
                    <strong>{kindName(r.kind)}</strong> · {r.date ? <FactDate value={r.date} /> : <span className="upon-consent">{t('treaty.textUponConsent')}</span>}
                  </p>
                  {r.section && (
                    <p className="muted small text-section">
                      {t('treaty.textSection')}{' '}
                      <span lang="en" dir="ltr">
                        {r.section}
                      </span>
                    </p>
                  )}
                  {/* The depositary's texts are in English: read out and laid out as such. */}
                  <p className="declaration-text" lang="en" dir="ltr">
                    {r.text}
                  </p>
                  <p className="muted small">
                    {r.file && t('treaty.textFrom', { file: r.file, row: r.row ?? '–' })} <Sources sources={r.sourceIds.flatMap((id) => (answer.sources[id] ? [answer.sources[id]] : []))} />
                  </p>
                </div>
              ))}
            </details>
          ))}
        </>
      )}
    </section>
  );
}
