// The `accord` command as bin/accord.js starts it: the composition root above src/cli and
// src/server. The CLI imports nothing from the server; it is given startServer, which loads
// the server only when `accord serve` runs.
import { runCli } from './cli/main.ts';

await runCli(process.argv, {
  startServer: async (options) => {
    const { startServer } = await import('./server/main.ts');
    await startServer(options);
  },
});
