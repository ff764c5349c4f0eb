// Opens the database, prepares it and listens. Used by `accord serve` (through src/main.ts).
import { setFlagsFromString } from 'node:v8';
import { serve } from '@hono/node-server';
import { openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { prepareDatabase } from '../reference/prepare.ts';
import { buildFacetIndexInBackground } from '../modules/recommendations/facet-index.ts';
import { buildTreatyModelInBackground, treatyModel } from '../modules/treaty-status/model.ts';
import { startDeliveryWorker } from '../modules/webhooks/deliver.ts';
import { buildApp } from './app.ts';

/**
 * V8 lets its heap grow to up to four times what is live before a full collection. A server
 * streaming a large export (its rows garbage at once) then grew by 150 MB, to 350 MB for the JSON
 * Lines of a million recommendations; collecting at 1.5 times what is live kept it at 255 MB, in
 * the same time (bench/RESULTS.md). Set before the server allocates much.
 */
const HEAP_GROWING_PERCENT = 50;

export async function startServer(options: { port: number; seed: boolean; snapshot?: boolean; host?: string }): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const db = openDb(process.env.DATABASE_URL);
  if (options.seed) await prepareDatabase(db, console.log, { snapshot: options.snapshot });
  else await migrateToLatest(db.db);
  // Requests are answered from the model in hand while a new one is built after a write.
  buildTreatyModelInBackground(db.db);
  const app = buildApp({ db: db.db });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, (info) => {
    console.log(`Accord listening on http://${info.address}:${info.port} (database ${db.label}); API docs at /api/docs`);
    // Built now rather than in the first request that needs it.
    treatyModel(db.db).catch((error: Error) => console.error(`the treaty model could not be built: ${error.message}`));
    // Searches of recommendations answer from SQL alone until it is ready (facet-index.ts).
    const started = performance.now();
    void buildFacetIndexInBackground(db.db, (error) => console.error(`the facet index of recommendations could not be built: ${error.message}`)).then(() =>
      console.log(`facet index of recommendations ready in ${((performance.now() - started) / 1000).toFixed(1)} s`),
    );
  });
  // Webhook deliveries: a pass every few seconds beside the requests, never inside one.
  const deliveries = startDeliveryWorker(db.db, { logError: (message) => console.error(message) });
  const stop = () => server.close(() => void deliveries.stop().then(() => db.destroy().then(() => process.exit(0))));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
