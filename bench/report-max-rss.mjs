// Loaded with `node --import` by bench/export-memory.ts: reports the process's peak resident
// set size on standard error as it exits, whatever the command did.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
