// `accord serve`; the server is loaded when it runs.
import type { Command } from 'commander';
import { parsePort } from '../parse.ts';

export function defineServe(program: Command): void {
  program
    .command('serve')
    .description('migrate, load the reference data and serve the API (PORT or --port, default 3000)')
    .option('--port <port>', 'port to listen on', parsePort)
    .option('--no-seed', 'do not reload the reference data before serving')
    .option('--no-snapshot', 'do not load the shipped snapshot of treaty data and official names')
    .action(async (options: { port?: number; seed: boolean; snapshot: boolean }) => {
      const port = options.port ?? (process.env.PORT ? parsePort(process.env.PORT) : 3000);
      const { startServer } = await import('../../server/main.ts');
      await startServer({ port, seed: options.seed, snapshot: options.snapshot });
    });
}
