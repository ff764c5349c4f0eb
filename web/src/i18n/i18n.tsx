// Every string the interface shows goes through t(): one dictionary per UN language, English as
// the fallback. The language lives in the address (/fr/states/FRA), so a link keeps it, and is
// remembered for the next visit. Arabic switches the whole layout to right-to-left.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLang as isUnLang, type Lang } from '../../../src/shared/text.ts';
import en from './en.json';

export type { Lang };

/** Each language named in itself, in the order the language menu lists them. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ru: 'Русский',
  zh: '中文',
  ar: 'العربية',
};

/** The six UN languages (src/shared/text.ts) in the menu's order. */
export const LANGS = Object.keys(LANGUAGE_NAMES) as Lang[];

type Dictionary = Record<string, string>;
// English is in the bundle (it is also every other language's fallback); the others are
// separate files fetched when chosen, so a reader downloads only the language they read.
const OTHER_DICTIONARIES = import.meta.glob<Dictionary>(['./ar.json', './es.json', './fr.json', './ru.json', './zh.json'], { import: 'default' });
const loaded: Partial<Record<Lang, Dictionary>> = { en };

async function loadDictionary(lang: Lang): Promise<Dictionary> {
  loaded[lang] ??= await OTHER_DICTIONARIES[`./${lang}.json`]!();
  return loaded[lang]!;
}
const PREFERENCE_KEY = 'accord.lang';

// Arabic with Western digits, as UN Arabic documents write dates and figures.
export const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', zh: 'zh-CN', ar: 'ar-u-nu-latn' };

export function isLang(value: string | undefined): value is Lang {
  return isUnLang(value ?? '');
}

export function preferredLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(PREFERENCE_KEY);
  if (isLang(saved ?? undefined)) return saved as Lang;
  for (const tag of navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLang(base)) return base;
  }
  return 'en';
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(PREFERENCE_KEY, lang);
  } catch {
    // Storage may be disabled; the address still carries the language.
  }
}

export type Vars = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  t: (key: string, vars?: Vars) => string;
  number: (value: number) => string;
  /** "Yes" or "No" in the language. */
  yesNo: (value: boolean) => string;
  /** Items joined as the language joins a list: "Kenya and African Union", "Kenya et Union africaine". */
  list: (items: string[]) => string;
  /** A date as precise as it is known: "5 May 1949", "May 1949" or "1949". */
  date: (value: string | null | undefined) => string;
  /** A moment (an ISO time from the API) as a date and time of the reader's own time zone. */
  dateTime: (iso: string | null | undefined) => string;
  /** An address inside the app, in the current language. */
  href: (path: string) => string;
}

export function makeI18n(lang: Lang, dictionary: Dictionary): I18n {
  const plural = new Intl.PluralRules(LOCALES[lang]);
  const numbers = new Intl.NumberFormat(LOCALES[lang]);
  const day = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' });
  const lists = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' });
  const lookup = (key: string): string | undefined => dictionary[key] ?? (en as Dictionary)[key];

  const t = (key: string, vars: Vars = {}): string => {
    const count = typeof vars.count === 'number' ? vars.count : undefined;
    const template = (count !== undefined ? (lookup(`${key}_${plural.select(count)}`) ?? lookup(`${key}_other`)) : undefined) ?? lookup(key) ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };

  const date = (value: string | null | undefined): string => {
    if (!value) return '';
    if (/^\d{4}$/.test(value)) return value;
    if (/^\d{4}-\d{2}$/.test(value)) return month.format(new Date(`${value}-01T00:00:00Z`));
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return day.format(new Date(`${value}T00:00:00Z`));
    return value;
  };

  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    t,
    number: (value) => numbers.format(value),
    yesNo: (value) => t(value ? 'common.yes' : 'common.no'),
    list: (items) => lists.format(items),
    date,
    dateTime: (iso) => {
      const at = iso ? new Date(iso) : null;
      return at && !Number.isNaN(at.getTime()) ? moment.format(at) : '';
    },
    href: (path) => `/${lang}${path.startsWith('/') ? path : `/${path}`}`,
  };
}

const I18nContext = createContext<I18n>(makeI18n('en', en));

/** Provides the language's strings. The first page waits for them (a few kilobytes); on a
 *  change of language the previous one stays on screen until the new one has arrived. */
export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [shown, setShown] = useState<{ lang: Lang; dictionary: Dictionary } | undefined>(() => (loaded[lang] ? { lang, dictionary: loaded[lang]! } : undefined));
  useEffect(() => {
    let current = true;
    loadDictionary(lang).then(
      (dictionary) => current && setShown({ lang, dictionary }),
      () => current && setShown({ lang, dictionary: en }), // offline or missing file: English rather than nothing
    );
    return () => {
      current = false;
    };
  }, [lang]);
  const value = useMemo(() => (shown ? makeI18n(shown.lang, shown.dictionary) : undefined), [shown]);
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
