// The browsable API page, served from the swagger-ui-dist package: nothing from the network.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env, Hono } from 'hono';
import { createRequire } from 'node:module';
import { own } from '../shared/own.ts';
import { projectPath } from '../shared/project-path.ts';

// swagger-ui-dist has no types; it tells where its files are.
const { getAbsoluteFSPath } = createRequire(projectPath('package.json'))('swagger-ui-dist') as { getAbsoluteFSPath(): string };

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accord API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="swagger-ui" aria-label="Accord API reference"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// swagger-ui draws only the operations near the screen once a spec has 150 or more tags and
// operations, so the browser's find cannot reach the rest: the filter box finds them by tag.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, filter: true });`;

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";

export function registerApiDocs(app: Hono<Env>): void {
  const dir = getAbsoluteFSPath();
  app.get('/api/docs', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': CSP }));
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/:file', async (c) => {
    const file = c.req.param('file');
    const type = own(ASSETS, file);
    if (!type) return c.notFound();
    const body = await readFile(join(dir, file));
    return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
