// Loaded with `node --import` by bench/iati-export.ts: samples the process's resident set size
// and V8 heap every 100 ms while it runs, and reports on standard error as it exits the peak
// RSS (process.resourceUsage().maxRSS), the largest heap used seen, and the series of heap used
// (MB, one value a sample), so that memory over the run can be read, not only its peak.
import { writeSync } from 'node:fs';

const heap = [];
const timer = setInterval(() => heap.push(process.memoryUsage().heapUsed), 100);
timer.unref();

process.on('exit', () => {
  heap.push(process.memoryUsage().heapUsed);
  const mb = heap.map((bytes) => Math.round(bytes / 1048576));
  writeSync(2, `max-rss-kb=${process.resourceUsage().maxRSS}\nmax-heap-used-kb=${Math.round(Math.max(...heap) / 1024)}\nheap-used-mb=${mb.join(',')}\n`);
});
