import type { Instrument } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { instrumentName } from './instrument-name.ts';
import { Name } from './Name.tsx';

/** An instrument's short name in the reader's language where one exists (see instrumentName). */
export function InstrumentName({ instrument }: { instrument: Pick<Instrument, 'title' | 'titleLang' | 'shortTitle' | 'shortTitleLang'> }) {
  const { lang } = useI18n();
  const shown = instrumentName(instrument, lang);
  return <Name text={shown.text} lang={shown.lang} />;
}
