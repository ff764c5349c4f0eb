// The words of the first page and the captions that Accord writes, in the report's language.
// Kept short and fixed: the session in words exists in English only; the other languages write it
// with digits, in the form their UN documents use for a numbered session, which a drafter may rewrite.
// Arabic, Chinese and Russian documents of the UN keep the distribution block ("Distr.: General",
// "Original: …") in English; so do these labels.
import { ValidationError } from '../../../shared/errors.ts';
import type { ReportLanguage } from './model.ts';

export interface Labels {
  unitedNations: string;
  generalAssembly: string;
  distr: string;
  original: string;
  languageName: string;
  summary: string;
  table: string;
  figure: string;
  notes: string;
  symbolPlaceholder: string;
  agendaPlaceholder: string;
  session: (n: number) => string;
  page: string;
  /** A numbered paragraph's mark: "1." (Arabic documents write "1 -"). */
  paragraphNumber: (n: number) => string;
}

const ONES = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS = ['', '', 'twent', 'thirt', 'fort', 'fift', 'sixt', 'sevent', 'eight', 'ninet'];

/** "Sixty-first", "Tenth", "Hundredth" and so on; digits past 199 (no session yet). */
export function englishOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 199) return `${n}th`;
  if (n >= 100) return n === 100 ? 'One hundredth' : `One hundred and ${englishOrdinal(n - 100).toLowerCase()}`;
  let words: string;
  if (n < 10) words = ONES[n] as string;
  else if (n < 20) words = TEENS[n - 10] as string;
  else {
    const tens = TENS[Math.floor(n / 10)] as string;
    const one = n % 10;
    words = one === 0 ? `${tens}ieth` : `${tens}y-${ONES[one]}`;
  }
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const LABELS: Record<ReportLanguage, Labels> = {
  en: {
    unitedNations: 'United Nations',
    generalAssembly: 'General Assembly',
    distr: 'Distr.:',
    original: 'Original:',
    languageName: 'English',
    summary: 'Summary',
    table: 'Table',
    figure: 'Figure',
    notes: 'Notes',
    symbolPlaceholder: '[symbol to be assigned]',
    agendaPlaceholder: '[agenda item to be assigned]',
    session: (n) => `${englishOrdinal(n)} session`,
    page: 'Page',
    paragraphNumber: (n) => `${n}.`,
  },
  fr: {
    unitedNations: 'Nations Unies',
    generalAssembly: 'Assemblée générale',
    distr: 'Distr. :',
    original: 'Original :',
    languageName: 'français',
    summary: 'Résumé',
    table: 'Tableau',
    figure: 'Figure',
    notes: 'Notes',
    symbolPlaceholder: '[cote à attribuer]',
    agendaPlaceholder: "[point de l'ordre du jour à préciser]",
    session: (n) => `${n}e session`,
    page: 'Page',
    paragraphNumber: (n) => `${n}.`,
  },
  es: {
    unitedNations: 'Naciones Unidas',
    generalAssembly: 'Asamblea General',
    distr: 'Distr.:',
    original: 'Original:',
    languageName: 'español',
    summary: 'Resumen',
    table: 'Cuadro',
    figure: 'Gráfico',
    notes: 'Notas',
    symbolPlaceholder: '[signatura por asignar]',
    agendaPlaceholder: '[tema del programa por determinar]',
    session: (n) => `${n}º período de sesiones`,
    page: 'Página',
    paragraphNumber: (n) => `${n}.`,
  },
  ru: {
    unitedNations: 'Организация Объединенных Наций',
    generalAssembly: 'Генеральная Ассамблея',
    distr: 'Distr.:',
    original: 'Original:',
    languageName: 'Russian',
    summary: 'Резюме',
    table: 'Таблица',
    figure: 'Диаграмма',
    notes: 'Примечания',
    symbolPlaceholder: '[условное обозначение будет присвоено]',
    agendaPlaceholder: '[пункт повестки дня будет указан]',
    session: (n) => `${n}-я сессия`,
    page: 'Стр.',
    paragraphNumber: (n) => `${n}.`,
  },
  zh: {
    unitedNations: '联合国',
    generalAssembly: '大会',
    distr: 'Distr.:',
    original: 'Original:',
    languageName: 'Chinese',
    summary: '摘要',
    table: '表',
    figure: '图',
    notes: '注',
    symbolPlaceholder: '[文号待定]',
    agendaPlaceholder: '[议程项目待定]',
    session: (n) => `第${n}届会议`,
    page: '页',
    paragraphNumber: (n) => `${n}.`,
  },
  ar: {
    unitedNations: 'الأمم المتحدة',
    generalAssembly: 'الجمعية العامة',
    distr: 'Distr.:',
    original: 'Original:',
    languageName: 'Arabic',
    summary: 'موجز',
    table: 'الجدول',
    figure: 'الشكل',
    notes: 'الحواشي',
    symbolPlaceholder: '[الرمز لم يحدد بعد]',
    agendaPlaceholder: '[بند جدول الأعمال لم يحدد بعد]',
    session: (n) => `الدورة ${n}`,
    page: 'الصفحة',
    paragraphNumber: (n) => `${n} -`,
  },
};

/** The date as the first page writes it: "30 June 2006" in English (British order, as the UN writes
 *  it), and in each other language as Intl writes a long date there (Arabic with Latin digits). */
export function longDate(iso: string, lang: ReportLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new ValidationError(`report date ${JSON.stringify(iso)} is not YYYY-MM-DD`);
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : lang === 'en' ? 'en-GB' : lang;
  const written = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
  // French writes the first of the month as an ordinal: "1er juillet 2005".
  return lang === 'fr' && m[3] === '01' ? written.replace(/^1 /, '1er ') : written;
}
