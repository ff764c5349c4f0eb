// `accord recommendations relink`: every recognised link recomputed in one use case.
import { systemContext } from '../../modules/audit/context.ts';
import { runUseCase } from '../../modules/audit/pipeline.ts';
import { referenceLinker } from '../../modules/recommendation-instruments/reference-linker.ts';
import { relinkUseCase } from '../../modules/recommendation-instruments/store.ts';
import { withRegistry } from '../with-db.ts';

export function relink(options: { reason?: string }): Promise<void> {
  return withRegistry(async (db) => {
    const done = await runUseCase(db.db, relinkUseCase, { linker: referenceLinker() }, systemContext('cli', options.reason ?? null));
    const change = done.before === done.after ? `${done.after} links, as before` : `${done.before} links before, ${done.after} now`;
    console.log(`${done.rows} recommendations read by ${done.version}: ${change}`);
  });
}
