// Where to go after signing in: the page the reader came from, given in ?next=. Only an address
// of this app in one of its languages is followed, never another site (`//evil.example`,
// `/\evil.example`, `https://…`), and never the sign-in page itself.
import { LANGS, type Lang } from '../../../../src/shared/text.ts';

const PRIVATE = /^\/[a-z]{2}\/(account|admin|audit)(\/|$)/;

export function safeNext(next: string | null | undefined, lang: Lang): string {
  const home = `/${lang}/`;
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /\p{Cc}/u.test(next)) return home;
  const first = next.split(/[/?#]/)[1] ?? '';
  if (!(LANGS as readonly string[]).includes(first)) return home;
  if (/^\/[a-z]{2}\/sign-in(\/|\?|#|$)/.test(next)) return home;
  return next;
}

/** The sign-in page's address, coming back to `from` (a path with its query) afterwards. */
export function signInHref(lang: Lang, from: string): string {
  const back = safeNext(from, lang);
  return `/${lang}/sign-in${back === `/${lang}/` ? '' : `?next=${encodeURIComponent(back)}`}`;
}

/** Pages only a signed-in reader sees: signing out there leads home rather than to a refusal. */
export function isPrivatePath(path: string): boolean {
  return PRIVATE.test(path);
}
