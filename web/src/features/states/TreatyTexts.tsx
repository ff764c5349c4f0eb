// The declaration and reservation texts on record for a State, one disclosure per instrument.
// They are long and undated in the sources; React writes them as text (never as markup), and
// the stylesheet keeps their line breaks.
import type { StateTreaties } from '../../api/types.ts';
import { Name } from '../../components/Name.tsx';
import { Sources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TreatyRow } from './StateTreatyTable.tsx';

export function TreatyTexts({ answer, rows }: { answer: StateTreaties; rows: TreatyRow[] }) {
  const { t, number } = useI18n();
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
                <div key={i} className="treaty-text">
                  {/* The depositary's texts are in English: read out and laid out as such. */}
                  <p className="declaration-text" lang="en" dir="ltr">
                    {r.text}
                  </p>
                  <p className="muted small">
                    {r.file && t('treaty.textFrom', { file: r.file, row: r.row ?? '–' })}{' '}
                    <Sources sources={r.sourceIds.flatMap((id) => (answer.sources[id] ? [answer.sources[id]] : []))} />
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
