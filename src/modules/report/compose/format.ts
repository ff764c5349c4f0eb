// Numbers, dates and lists written in the report's language, and the sources annex the
// footnotes point to. Arabic keeps Latin digits, as the report's dates do (document/labels.ts).
import { longDate } from '../document/labels.ts';
import type { ReportLanguage, Run } from '../document/model.ts';
import type { Figure, SourceRef } from '../model/index.ts';
import type { Phrases } from './phrases/types.ts';

const LOCALES: Record<ReportLanguage, string> = { ar: 'ar-u-nu-latn', en: 'en-GB', es: 'es', fr: 'fr', ru: 'ru', zh: 'zh' };

export interface Format {
  lang: ReportLanguage;
  number(n: number): string;
  /** A figure's value, or the words for "no data". */
  figure(f: Figure): string;
  /** A calendar day (YYYY-MM-DD) as the report writes it, a month (YYYY-MM) as "November 1999", a year as it stands. */
  date(day: string): string;
  list(items: readonly string[]): string;
  money(amount: string, currency: string): string;
  /** "Open: 6" with the language's colon (French "Ouvert : 6", Chinese "未完成：6"). */
  labelled(label: string, value: string): string;
  /** A name as it stands inside a sentence: in a right-to-left report, isolated (U+2068…U+2069) so that a Latin name's brackets and punctuation keep their places. */
  name(text: string): string;
  /** A remark after a name, in the language's brackets: "CAT (uncertain)", "CAT（不确定）". */
  bracketed(text: string, remark: string): string;
}

export function formatFor(lang: ReportLanguage, p: Phrases): Format {
  const numbers = new Intl.NumberFormat(LOCALES[lang]);
  const lists = new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' });
  const months = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    lang,
    number: (n) => numbers.format(n),
    figure: (f) => (f.value === null ? p.noData : numbers.format(f.value)),
    date: (day) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? longDate(day, lang) : /^\d{4}-\d{2}$/.test(day) ? months.format(new Date(`${day}-01T00:00:00Z`)) : day),
    list: (items) => lists.format(items),
    labelled: (label, value) => (lang === 'zh' ? `${label}：${value}` : lang === 'fr' ? `${label}\u00a0: ${value}` : `${label}: ${value}`),
    name: (text) => (lang === 'ar' ? `\u2068${text}\u2069` : text),
    bracketed: (text, remark) => (lang === 'zh' ? `${text}（${remark}）` : `${text} (${remark})`),
    money: (amount, currency) => new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency, currencyDisplay: 'code' }).format(Number(amount)),
  };
}

/** The sources the report rests on, numbered in the order the document first names them: the annex lists them, footnotes point to their numbers. */
export class SourceIndex {
  private readonly numbers = new Map<string, number>();
  readonly entries: SourceRef[] = [];

  numberOf(ref: SourceRef): number {
    // By address and title: two registry records of one document are one source to the reader.
    const key = `${ref.url}\u0000${ref.title}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.entries.push(ref);
      n = this.entries.length;
      this.numbers.set(key, n);
    }
    return n;
  }

  /** A footnote naming these sources' numbers in the annex; none when there are none. */
  footnote(refs: readonly SourceRef[], p: Phrases, f: Format): Run[] | undefined {
    if (!refs.length) return undefined;
    const numbers = [...new Set(refs.map((r) => this.numberOf(r)))].sort((a, b) => a - b);
    return [{ text: p.seeSources({ numbers: f.list(numbers.map(f.number)) }) }];
  }
}
