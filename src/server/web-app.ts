// Serves the built web app (web/dist) from the same port as the API. The files are read once
// at start-up into memory (with a gzip copy), so only files the build produced can ever be
// served: no path from the request ever reaches the file system. Every other GET that is not
// an API address answers the app's index.html, so deep links work on reload.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Context, Env, Hono } from 'hono';
import { own } from '../shared/own.ts';

interface StaticFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// The app talks only to its own server; React sets styles through the DOM, not inline markup.
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Accord</title></head>
<body><main><h1>Accord</h1><p>The web app has not been built. Run <code>npm run build:web</code>
(or <code>npm ci</code>, which builds it), then restart. The API is available at
<a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// One read (and gzip) per folder and process: apps built again in the same process (tests)
// share it. A new build is served after a restart, as the README says.
const loaded = new Map<string, Map<string, StaticFile>>();

export function loadStaticFiles(distDir: string): Map<string, StaticFile> {
  const cached = loaded.get(distDir);
  if (cached) return cached;
  const files = new Map<string, StaticFile>();
  loaded.set(distDir, files);
  if (!existsSync(join(distDir, 'index.html'))) return files;
  for (const path of walk(distDir)) {
    const url = `/${relative(distDir, path).split(sep).join('/')}`;
    const type = own(TYPES, extname(path)) ?? 'application/octet-stream';
    const body = readFileSync(path);
    const compressible = /text|json|svg/.test(type) && body.length > 1024;
    // Vite puts content hashes in /assets/ names: those never change and are cached for a year.
    const cacheControl = url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    files.set(url, { body, gzip: compressible ? gzipSync(body, { level: 9 }) : null, type, cacheControl });
  }
  return files;
}

function send(c: Context, file: StaticFile): Response {
  const headers: Record<string, string> = { 'Content-Type': file.type, 'Cache-Control': file.cacheControl, Vary: 'Accept-Encoding' };
  if (file.type.startsWith('text/html')) headers['Content-Security-Policy'] = WEB_CSP;
  const gzip = file.gzip && /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return c.body(new Uint8Array(gzip ? file.gzip! : file.body), 200, headers);
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/healthz';
}

export function registerWebApp(app: Hono<Env>, distDir: string): void {
  const files = loadStaticFiles(distDir);
  const index = files.get('/index.html');
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (isApiPath(path)) return next();
    if (!index) return c.html(NOT_BUILT, 200, { 'Content-Security-Policy': WEB_CSP });
    const file = files.get(path);
    if (file) return send(c, file);
    // A missing file (an address with an extension) is a 404; anything else is a page of the app.
    if (extname(path) !== '') return next();
    return send(c, index);
  });
}
