// A State's treaty profile: how current each source is, the day the State came to exist (before
// it, no instrument can bind it), its status under every instrument at the page's date with the
// reason and the acts and declarations behind it, a timeline of its acts, the declaration and
// reservation texts on record, and a pointer to the conflicts between sources. Loaded apart from
// the rest of the page (StatePage imports it lazily), so the home page does not carry it.
import { getJson } from '../../api/client.ts';
import { useAll, useInstruments } from '../../api/registry.ts';
import type { Instrument, StateTreaties as Treaties } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { today } from '../../components/DateControl.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { SourceCurrency } from '../../components/SourceCurrency.tsx';
import { Sources } from '../../components/Sources.tsx';
import { ConflictsNote } from '../../components/TreatyStatus.tsx';
import { instrumentName } from '../../components/instrument-name.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StateTreatyTable, type TreatyRow } from './StateTreatyTable.tsx';
import { TreatyTexts } from './TreatyTexts.tsx';
import { TreatyTimeline } from './TreatyTimeline.tsx';

/** Each instrument's status joined with its name in the reader's language. */
export function treatyRows(answer: Treaties, instruments: Instrument[], lang: string): TreatyRow[] {
  const byCode = new Map(instruments.map((i) => [i.code, i]));
  return answer.treaties.map((treaty) => {
    const instrument = byCode.get(treaty.instrument);
    const shown = instrument ? instrumentName(instrument, lang) : null;
    return { ...treaty, name: shown?.text ?? treaty.instrument, nameLang: shown?.lang ?? null, adopted: instrument?.adopted ?? null };
  });
}

function Statehood({ answer }: { answer: Treaties }) {
  const { t, date } = useI18n();
  const { statehood } = answer;
  if (!statehood) return null;
  const basis = t(`statehood.basis.${statehood.basis}`);
  return (
    <p className="statehood" data-since={statehood.since}>
      {t('statehood.since', { date: date(statehood.since), basis: basis === `statehood.basis.${statehood.basis}` ? statehood.basis : basis })}{' '}
      <Sources sources={statehood.sourceIds.flatMap((id) => (answer.sources[id] ? [answer.sources[id]] : []))} />
    </p>
  );
}

export function StateTreaties({ iso3, name, asOf }: { iso3: string; name: string; asOf: string }) {
  const { t, lang } = useI18n();
  const path = `/states/${encodeURIComponent(iso3)}/treaties`;
  const subject = `treaties|${iso3}`;
  const now = today();
  const loaded = useAll(
    useApi(`${subject}|${asOf}`, (signal) => getJson<Treaties>(path, { asOf }, signal), { subject }),
    // Every act to this day, for the timeline: the answer at the page's date leaves out later ones.
    useApi(`${subject}|${now}`, (signal) => getJson<Treaties>(path, { asOf: now }, signal)),
    useInstruments(lang),
  );
  return (
    <section aria-labelledby="treaties-title">
      <h2 id="treaties-title">{t('treaty.title')}</h2>
      <Loadable loaded={loaded}>
        {([atDate, latest, instruments]) => (
          <>
            <SourceCurrency collections={atDate.collections} />
            <Statehood answer={atDate} />
            <p className="muted">{t('treaty.stateLead')}</p>
            {atDate.treaties.some((r) => r.declarations.length > 0) && <p className="muted small">{t('treaty.declarationsHelp')}</p>}
            <ConflictsNote count={atDate.conflicts} message={t('treaty.conflicts', { count: atDate.conflicts })} filter="t.state" value={atDate.iso3} />
            <StateTreatyTable answer={atDate} rows={treatyRows(atDate, instruments, lang)} name={name} />
            <TreatyTimeline answer={latest} rows={treatyRows(latest, instruments, lang)} name={name} asOf={atDate.asOf} />
            <TreatyTexts answer={latest} rows={treatyRows(latest, instruments, lang)} />
          </>
        )}
      </Loadable>
    </section>
  );
}
