// `accord serve`. The server is not imported here: the composition root (src/main.ts) gives it.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { parsePort } from '../parse.ts';

export function defineServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('migrate, load the reference data and serve the API (PORT or --port, default 3000)')
    .option('--port <port>', 'port to listen on', parsePort)
    .option('--no-seed', 'do not reload the reference data before serving')
    .option('--no-snapshot', 'do not load the shipped snapshot of treaty data and official names')
    .action(async (options: { port?: number; seed: boolean; snapshot: boolean }) => {
      const port = options.port ?? (process.env.PORT ? parsePort(process.env.PORT) : 3000);
      await context.startServer({ port, seed: options.seed, snapshot: options.snapshot });
    });
}
