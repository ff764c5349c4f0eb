import type { Instrument } from '../api/types.ts';

/** The name a list shows for an instrument: its short title in the reader's language, else its
 *  full title in that language, else the short title in the language it exists in (marked). */
export function instrumentName(i: Pick<Instrument, 'title' | 'titleLang' | 'shortTitle' | 'shortTitleLang'>, pageLang: string): { text: string; lang: string } {
  if (i.shortTitle && i.shortTitleLang === pageLang) return { text: i.shortTitle, lang: pageLang };
  if (i.titleLang === pageLang || !i.shortTitle) return { text: i.title, lang: i.titleLang };
  return { text: i.shortTitle, lang: i.shortTitleLang ?? 'en' };
}
