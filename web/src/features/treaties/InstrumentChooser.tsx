// Which instruments are the matrix's columns: a ready-made set, or the reader's own choice
// (ticking a box turns the current set into a list of its own, kept in the address).
import { useEffect, useId, useState } from 'react';
import type { Instrument } from '../../api/types.ts';
import { InstrumentName } from '../../components/InstrumentName.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SETS, type InstrumentSet } from './instrument-sets.ts';

interface Props {
  ordered: Instrument[];
  set: InstrumentSet;
  /** The reader's own list, or null when a set is shown. */
  custom: string[] | null;
  selected: string[];
  onSet: (set: InstrumentSet) => void;
  onChoose: (codes: string[]) => void;
}

export function InstrumentChooser({ ordered, set, custom, selected, onSet, onChoose }: Props) {
  const { t } = useI18n();
  const name = useId();
  // The router applies a change of address in a transition, after the click: the boxes and
  // buttons show the reader's choice at once, then follow the address (Back, a link).
  const fromAddress = custom === null ? set : 'custom';
  const [picked, setPicked] = useState<string>(fromAddress);
  const [chosen, setChosen] = useState(() => new Set(selected));
  useEffect(() => setPicked(fromAddress), [fromAddress]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `selected` is a new array on every render; its codes are what counts
  useEffect(() => setChosen(new Set(selected)), [selected.join()]);
  const choose = (s: InstrumentSet) => {
    setPicked(s);
    onSet(s);
  };
  const toggle = (code: string) => {
    const next = ordered.filter((i) => (i.code === code ? !chosen.has(code) : chosen.has(i.code))).map((i) => i.code);
    setChosen(new Set(next));
    setPicked('custom');
    onChoose(next);
  };
  return (
    <div className="instrument-chooser">
      <fieldset className="mode">
        <legend>{t('treaties.set')}</legend>
        {SETS.map((s) => (
          <label key={s}>
            <input type="radio" name={name} checked={picked === s} onChange={() => choose(s)} /> {t(`treaties.set.${s}`)}
          </label>
        ))}
        {picked === 'custom' && (
          <label>
            <input type="radio" name={name} checked readOnly /> {t('treaties.set.custom', { count: chosen.size })}
          </label>
        )}
      </fieldset>
      <details className="chooser">
        <summary>{t('treaties.choose')}</summary>
        <fieldset>
          <legend className="visually-hidden">{t('treaties.choose')}</legend>
          <ul>
            {ordered.map((i) => (
              <li key={i.code}>
                <label>
                  <input type="checkbox" checked={chosen.has(i.code)} onChange={() => toggle(i.code)} /> <span className="instrument-code">{i.code}</span>{' '}
                  <span className="muted">
                    <InstrumentName instrument={i} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </details>
    </div>
  );
}
