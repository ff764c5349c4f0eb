import { LANGUAGE_NAMES, useI18n, type Lang } from '../i18n/i18n.tsx';

/** A name that may be in another language than the page (when no official one exists in the
 *  reader's language): marked with its language, visibly ("[English]", written in that
 *  language) and for assistive technology, so the reader knows it is the original title and
 *  not a translation. */
export function Name({ text, lang }: { text: string; lang: string | null | undefined }) {
  const { lang: pageLang } = useI18n();
  if (!lang || lang === pageLang) return <>{text}</>;
  const language = LANGUAGE_NAMES[lang as Lang];
  return (
    <span lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      {text}
      {language && <span className="name-lang"> [{language}]</span>}
    </span>
  );
}
