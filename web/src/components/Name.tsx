import { useI18n } from '../i18n/i18n.tsx';

/** A name that may be in another language than the page (when no official one exists in the
 *  reader's language): marked with its language so it is read out and laid out correctly. */
export function Name({ text, lang }: { text: string; lang: string | null | undefined }) {
  const { lang: pageLang } = useI18n();
  if (!lang || lang === pageLang) return <>{text}</>;
  return (
    <span lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      {text}
    </span>
  );
}
