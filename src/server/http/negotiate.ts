import type { Context } from 'hono';
import { isLang, type Lang } from '../../shared/text.ts';
import { today } from '../../shared/dates.ts';

/** `lang` parameter, else the best Accept-Language match among the six UN languages, else en. */
export function resolveLang(c: Context, lang: Lang | undefined): Lang {
  if (lang) return lang;
  const header = c.req.header('accept-language');
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const match = ranked.find((r) => isLang(r.primary));
  return match ? (match.primary as Lang) : 'en';
}

export function resolveAsOf(asOf: string | undefined): string {
  return asOf ?? today();
}
