// Exchange rates over HTTP: anyone reads them (with their sources); administrators enter and
// delete them (the use cases decide, write.ts). No route fetches a rate from anywhere.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { readerOf } from '../../server/http/auth.ts';
import type { ReadTopic } from '../../server/http/cache.ts';
import { paginate } from '../../server/http/list.ts';
import { resolveLang } from '../../server/http/negotiate.ts';
import { listEnvelope, listQuery } from '../../server/http/query.ts';
import { withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, cacheKey, readRoute, writeRoute } from '../../server/http/route-kit.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { createdSchema, deletedSchema } from '../edits/schema.ts';
import { exchangeRateCreateSchema, exchangeRateSchema, type ExchangeRateView } from './schema.ts';
import { exchangeRateView, exchangeRateViews } from './service.ts';
import { createExchangeRate, deleteExchangeRateById } from './write.ts';

const TAG = 'Exchange rates';
const READS: readonly ReadTopic[] = ['exchange-rates', 'sources'];

const idParam = {
  id: z
    .string()
    .regex(/^\d{1,12}$/, 'must be the number of the rate')
    .transform(Number)
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: '1' }),
};

const codeFilter = (name: string) =>
  z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in capitals')
    .optional()
    .openapi({ param: { name, in: 'query' }, example: name === 'base' ? 'USD' : 'EUR' });

export function registerExchangeRateRoutes(app: OpenAPIHono, { db, cache }: Deps): void {
  app.openapi(
    readRoute({
      path: '/api/v1/exchange-rates',
      tag: TAG,
      summary: 'Exchange rates administrators entered, each with its source (never fetched)',
      query: { ...listQuery, currency: codeFilter('currency'), base: codeFilter('base') },
      response: listEnvelope(exchangeRateSchema, 'ExchangeRateList'),
    }),
    async (c) => {
      const reader = readerOf(c);
      const q = c.req.valid('query');
      const lang = resolveLang(c, q.lang);
      return cache.json(c, cacheKey(c, lang), READS, async () =>
        paginate(
          await exchangeRateViews(reader, { currency: q.currency, base: q.base }),
          { ...q, lang },
          { currency: (r: ExchangeRateView) => r.currency, base: (r) => r.base, asOf: (r) => r.asOf, id: (r) => r.id },
          'currency,base,-asOf',
        ),
      );
    },
  );

  app.openapi(readRoute({ path: '/api/v1/exchange-rates/{id}', tag: TAG, summary: 'One exchange rate', query: {}, params: idParam, response: exchangeRateSchema }), async (c) => {
    const reader = readerOf(c);
    return cache.json(c, cacheKey(c, 'en'), READS, () => exchangeRateView(reader, c.req.valid('param').id));
  });

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/exchange-rates',
      tag: TAG,
      summary: 'Enter an exchange rate with its source (administrators)',
      body: exchangeRateCreateSchema,
      response: createdSchema,
    }),
    async (c) => c.json(withVersion(c, await createExchangeRate(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    actionRoute({ method: 'delete', path: '/api/v1/exchange-rates/{id}', tag: TAG, summary: 'Delete a mistaken exchange rate (administrators)', params: idParam, response: deletedSchema }),
    async (c) => c.json(await deleteExchangeRateById(db, c.req.valid('param').id, writeContextOf(c)), 200),
  );
}
