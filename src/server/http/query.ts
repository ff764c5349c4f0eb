// Query parameters shared by every endpoint, validated so that a bad value yields a 400
// naming the parameter. Unknown parameters are refused too (each route's schema is strict).
import { z } from '@hono/zod-openapi';
import { isValidDay } from '../../shared/dates.ts';
import { LANGS } from '../../shared/text.ts';

export const limitParam = z
  .string()
  .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 1000')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'))
  .optional()
  .openapi({ param: { name: 'limit', in: 'query' }, type: 'integer', example: 50, description: 'Items per page (default 50, at most 1000).' });

export const cursorParam = z
  .string()
  .max(100, 'is too long')
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `next` value of the previous page.' });

export const sortParam = z
  .string()
  .max(200, 'is too long')
  .optional()
  .openapi({ param: { name: 'sort', in: 'query' }, description: 'Fields separated by commas; a leading `-` sorts descending, e.g. `name,-un_admission`.' });

export const langParam = z
  .enum(LANGS, { error: `must be one of ${LANGS.join(' ')}` })
  .optional()
  .openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of names: ar en es fr ru zh (else Accept-Language, else en).' });

export const asOfParam = z
  .string()
  // The value is repeated (shortened), so a reader of the error sees what was refused.
  .refine(isValidDay, { error: (issue) => `must be a calendar date YYYY-MM-DD, not ${JSON.stringify(String(issue.input).slice(0, 40))}` })
  .optional()
  .openapi({ param: { name: 'asOf', in: 'query' }, example: '2020-01-01', description: 'Calendar date the answer is computed for (default today, UTC).' });

export const listQuery = { limit: limitParam, cursor: cursorParam, sort: sortParam, lang: langParam };

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.record(z.string(), z.unknown())),
    }),
  })
  .openapi('Error');

export function listEnvelope<T extends z.ZodTypeAny>(item: T, name: string) {
  return z.object({ items: z.array(item), total: z.number().int(), next: z.string().nullable() }).openapi(name);
}
