// Builds the HTTP app without listening, so tests call it in process with app.request().
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Kysely } from 'kysely';
import { isDatabaseUnavailable } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { readDataVersions } from '../modules/meta/repository.ts';
import { registerAccountRoutes } from '../modules/accounts/routes.ts';
import { registerRequestRoutes } from '../modules/assistance-requests/routes.ts';
import { registerRequestWriteRoutes } from '../modules/assistance-requests/write-routes.ts';
import { registerObstacleRoutes } from '../modules/obstacles/routes.ts';
import { registerObstacleWriteRoutes } from '../modules/obstacles/write-routes.ts';
import { registerIatiExportRoutes } from '../modules/iati-export/routes.ts';
import { IATI_IMPORT_PATH, registerIatiImportRoutes } from '../modules/iati-import/routes.ts';
import { registerAuditRoutes } from '../modules/audit/routes.ts';
import { registerChangeRoutes } from '../modules/changes/routes.ts';
import { registerWebhookRoutes } from '../modules/webhooks/routes.ts';
import { registerSyncRoutes } from '../modules/sync/routes.ts';
import { registerCoverageRoutes } from '../modules/coverage/routes.ts';
import { registerDashboardRoutes } from '../modules/cooperation-dashboard/routes.ts';
import { registerStateCooperationRoutes } from '../modules/state-cooperation/routes.ts';
import { registerFollowUpRoutes } from '../modules/follow-up/routes.ts';
import { registerFollowUpWriteRoutes } from '../modules/follow-up/write-routes.ts';
import { registerExportRoutes } from '../modules/exports/routes.ts';
import { registerCalendarRoutes, registerEventRoutes } from '../modules/events/routes.ts';
import { registerEventWriteRoutes } from '../modules/events/write-routes.ts';
import { registerExchangeRoutes } from '../modules/exchanges/routes.ts';
import { registerResolutionRoutes } from '../modules/resolutions/routes.ts';
import { registerResolutionWriteRoutes } from '../modules/resolutions/write-routes.ts';
import { registerReportRoutes } from '../modules/report/routes.ts';
import { registerReportWriteRoutes } from '../modules/report/write-routes.ts';
import { registerExchangeWriteRoutes } from '../modules/exchanges/write-routes.ts';
import { registerInstrumentRoutes } from '../modules/instruments/routes.ts';
import { registerRecommendationRoutes } from '../modules/recommendations/routes.ts';
import { registerInstrumentLinkRoutes } from '../modules/recommendation-instruments/routes.ts';
import { registerInstrumentLinkWriteRoutes } from '../modules/recommendation-instruments/write-routes.ts';
import { registerUploadRoutes, UPLOAD_PATH_PREFIX } from '../modules/recommendations/write-routes.ts';
import { registerInstrumentWriteRoutes } from '../modules/instruments/write-routes.ts';
import { registerMechanismRoutes } from '../modules/mechanisms/routes.ts';
import { registerMechanismWriteRoutes } from '../modules/mechanisms/write-routes.ts';
import { registerOrganizationRoutes } from '../modules/organizations/routes.ts';
import { registerOrganizationWriteRoutes } from '../modules/organizations/write-routes.ts';
import { registerPresenceRoutes } from '../modules/presences/routes.ts';
import { registerPresenceWriteRoutes } from '../modules/presences/write-routes.ts';
import { registerRecordRoutes } from '../modules/records/routes.ts';
import { registerSearchRoutes } from '../modules/search/routes.ts';
import { registerSourceRoutes } from '../modules/sources/routes.ts';
import { registerStateRoutes } from '../modules/states/routes.ts';
import { registerProcedureRoutes } from '../modules/procedures/routes.ts';
import { registerProjectRoutes } from '../modules/projects/routes.ts';
import { registerProjectWriteRoutes } from '../modules/projects/write-routes.ts';
import { registerAgreementRoutes } from '../modules/funding-agreements/routes.ts';
import { registerExchangeRateRoutes } from '../modules/money/routes.ts';
import { registerNameRoutes } from '../modules/names/routes.ts';
import { registerTreatyStatusRoutes } from '../modules/treaty-status/routes.ts';
import { registerTreatyActionWriteRoutes } from '../modules/treaty-status/write-routes.ts';
import { registerApiDocs } from './api-docs.ts';
import { AppError, BusyError, MethodNotAllowedError, PayloadTooLargeError, StaleVersionError, TooManyRequestsError, ValidationError, type Problem } from '../shared/errors.ts';
import { projectPath } from '../shared/project-path.ts';
import { ResponseCache } from './http/cache.ts';
import { authenticate } from './http/auth.ts';
import { PrincipalCache } from './http/principals.ts';
import { readVersions, VersionReader } from './http/versions-reading.ts';
import { refuseOtherMethods } from './http/methods.ts';
import { versionEtag } from './http/versions.ts';
import { safeJson } from './http/json.ts';
import { loggablePath } from './http/log-path.ts';
import { registerWebApp } from './web-app.ts';

function errorResponse(status: number, code: string, message: string, details: Problem[] = [], headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): Response {
  return new Response(safeJson({ error: { code, message, details }, ...extra }), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/** Turns zod issues on query or path parameters into a 400 that names each parameter. */
function parameterProblems(issues: Issue[]): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ parameter: key, reason: 'is not a parameter of this endpoint' }));
    }
    return [{ parameter: String(issue.path[0] ?? ''), reason: issue.message }];
  });
}

/** Zod issues on a JSON body: each names its field by its path (`roles[2]`, `source.url`). */
function bodyProblems(issues: Issue[]): Problem[] {
  const fieldOf = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || 'body';
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ field: fieldOf([...issue.path, key]), reason: 'is not a field of this request' }));
    }
    // zod says "expected string, received undefined" of a field left out.
    return [{ field: fieldOf(issue.path), reason: issue.message.endsWith('received undefined') ? 'is required' : issue.message }];
  });
}

/** The first field of a JSON body whose name or text holds a NUL (named as bodyProblems names fields), or null. */
function nulField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`${path}[${i}]`, v]) : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v]);
  for (const [at, inner] of entries) {
    if (at.includes('\u0000')) return at;
    const found = nulField(inner, at);
    if (found !== null) return found;
  }
  return null;
}

// Writes carry small JSON bodies (a record, a sign-in): anything larger is refused unread.
const MAX_BODY_BYTES = 64 * 1024;
// But for a resolution's text (at most 2 Mi characters; up to three bytes each in UTF-8, and
// JSON's escapes): a body of its own size.
const RESOLUTION_IMPORT_PATH = '/api/v1/resolutions';
const MAX_RESOLUTION_BODY_BYTES = 8 * 1024 * 1024;

export interface AppOptions {
  db: Kysely<Database>;
  /** Logs one line per server error; never receives secrets. */
  logError?: (message: string) => void;
  /** Folder of the built web app (default web/dist of this checkout). */
  webDir?: string;
}

const DEFAULT_WEB_DIR = projectPath('web', 'dist');

export function buildApp({ db, logError = (m) => console.error(m), webDir = DEFAULT_WEB_DIR }: AppOptions): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (result.success) return;
      if (result.target === 'json') {
        const problems = bodyProblems(result.error.issues);
        throw new ValidationError(`Invalid field: ${[...new Set(problems.map((p) => p.field))].join(', ')}`, problems);
      }
      const problems = parameterProblems(result.error.issues);
      const names = [...new Set(problems.map((p) => p.parameter))].join(', ');
      throw new ValidationError(`Invalid parameter: ${names}`, problems);
    },
  });
  const deps = { db, cache: new ResponseCache(db) };
  const versions = new VersionReader(db);

  app.use(requestId());
  // requestId() sets its header before the route runs, which an answer built as a plain
  // Response (the response cache, errors) does not keep: set it again on what is sent.
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('X-Request-Id', c.get('requestId'));
  });
  app.use(secureHeaders({ contentSecurityPolicy: undefined, crossOriginResourcePolicy: 'same-origin' }));
  app.use(async (c, next) => {
    // PostgreSQL text cannot hold NUL: refuse it up front, naming the parameter. A NUL can
    // only arrive percent-encoded, so most requests skip the check.
    // Pages of the web app are answered whatever their address; the app validates its own input.
    if (!c.req.url.includes('%00') || !c.req.path.startsWith('/api/')) return next();
    const url = new URL(c.req.url);
    for (const [name, value] of url.searchParams) {
      if (value.includes('\u0000')) throw new ValidationError(`Invalid parameter: ${name}`, [{ parameter: name, reason: 'contains a NUL character' }]);
    }
    if (decodeURIComponent(url.pathname).includes('\u0000')) throw new ValidationError('The path contains a NUL character', [{ parameter: 'path', reason: 'contains a NUL character' }]);
    await next();
  });

  app.use(readVersions(versions));
  app.use(authenticate(db, new PrincipalCache(db)));
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new PayloadTooLargeError(MAX_BODY_BYTES);
    },
  });
  // Uploads (files of recommendations: CSV, streamed to disk; IATI activity files: XML) are
  // read by their routes, under their own limits.
  const upload = (c: { req: { path: string; method: string } }) => c.req.path.startsWith(UPLOAD_PATH_PREFIX) || (c.req.path === IATI_IMPORT_PATH && c.req.method === 'POST');
  const resolutionBodyLimit = bodyLimit({
    maxSize: MAX_RESOLUTION_BODY_BYTES,
    onError: () => {
      throw new PayloadTooLargeError(MAX_RESOLUTION_BODY_BYTES);
    },
  });
  const resolutionText = (c: { req: { path: string; method: string } }) => c.req.path === RESOLUTION_IMPORT_PATH && c.req.method === 'POST';
  app.use('/api/*', (c, next) => (upload(c) ? next() : resolutionText(c) ? resolutionBodyLimit(c, next) : jsonBodyLimit(c, next)));
  app.use('/api/*', async (c, next) => {
    if (upload(c)) return next();
    const type = c.req.header('content-type');
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      throw new ValidationError('The body must be JSON', [{ parameter: 'Content-Type', reason: `must be application/json, not ${type.slice(0, 60)}` }]);
    }
    // PostgreSQL text cannot hold NUL either: a JSON body with one (escaped as \u0000) is refused
    // here, naming the field, before any route or query sees it. A body that is not JSON is left
    // to the route's validator (Hono keeps the body read, so it is parsed once).
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type !== undefined) {
      const body = await c.req.json().then(
        (parsed: unknown) => parsed,
        () => undefined,
      );
      const field = nulField(body);
      if (field !== null) throw new ValidationError(`Invalid field: ${field}`, [{ field, reason: 'contains a NUL character' }]);
    }
    await next();
  });

  app.onError((error, c: Context) => {
    if (error instanceof StaleVersionError) return errorResponse(412, error.code, error.message, error.details, { ETag: versionEtag(error.currentVersion) }, { current: error.current });
    if (error instanceof TooManyRequestsError) return errorResponse(429, error.code, error.message, error.details, { 'Retry-After': String(error.retryAfterSeconds) });
    if (error instanceof BusyError) return errorResponse(503, error.code, error.message, error.details, { 'Retry-After': String(error.retryAfterSeconds) });
    if (error instanceof HTTPException && error.status < 500) return errorResponse(error.status, 'bad_request', error.status === 400 ? 'The body is not valid JSON' : error.message);
    if (error instanceof MethodNotAllowedError) return errorResponse(405, error.code, error.message, error.details, { Allow: error.allowed.join(', ') });
    if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.details);
    if (isDatabaseUnavailable(error)) {
      logError(`[${c.get('requestId')}] the database is unavailable: ${(error as Error).message}`);
      return errorResponse(503, 'database_unavailable', 'The database cannot be reached; try again later');
    }
    if (error instanceof URIError) return errorResponse(400, 'validation_failed', 'The address is not valid UTF-8 percent-encoding', [{ reason: error.message }]);
    logError(`[${c.get('requestId')}] ${c.req.method} ${loggablePath(c.req.url)}: ${error.stack ?? error}`);
    return errorResponse(500, 'internal_error', 'Something went wrong on our side; the request id is in the X-Request-Id header');
  });
  app.notFound((c) => errorResponse(404, 'not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}`));

  // 200 only when the database answers with a migrated schema; 503 when it is gone.
  app.get('/healthz', async (c) => {
    try {
      await readDataVersions(db);
      return c.json({ status: 'ok' });
    } catch (error) {
      return c.json({ status: 'unavailable', reason: isDatabaseUnavailable(error) ? 'the database cannot be reached' : 'the database does not answer as expected' }, 503);
    }
  });

  registerStateRoutes(app, deps);
  registerOrganizationRoutes(app, deps);
  registerInstrumentRoutes(app, deps);
  registerMechanismRoutes(app, deps);
  registerPresenceRoutes(app, deps);
  registerCoverageRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerSourceRoutes(app, deps);
  registerTreatyStatusRoutes(app, deps);
  registerProcedureRoutes(app, deps);
  registerNameRoutes(app, deps);
  registerExportRoutes(app, { logError });
  registerInstrumentLinkRoutes(app, deps); // before /recommendations/{id}
  registerRecommendationRoutes(app, deps, logError);
  registerInstrumentLinkWriteRoutes(app, deps);
  registerUploadRoutes(app, deps);
  registerFollowUpRoutes(app, deps);
  registerFollowUpWriteRoutes(app, deps);
  registerOrganizationWriteRoutes(app, deps);
  registerInstrumentWriteRoutes(app, deps);
  registerMechanismWriteRoutes(app, deps);
  registerPresenceWriteRoutes(app, deps);
  registerTreatyActionWriteRoutes(app, deps);
  registerProjectRoutes(app, deps, logError); // /projects/export before /projects/{id}
  registerProjectWriteRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerExchangeRateRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerRequestWriteRoutes(app, deps);
  registerObstacleRoutes(app, deps);
  registerObstacleWriteRoutes(app, deps);
  registerIatiExportRoutes(app, logError);
  registerIatiImportRoutes(app, deps);
  registerCalendarRoutes(app, deps, logError);
  registerEventRoutes(app, deps, logError);
  registerEventWriteRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerStateCooperationRoutes(app, deps);
  registerExchangeRoutes(app, deps, logError); // /exchanges/export before /exchanges/{id}
  registerExchangeWriteRoutes(app, deps);
  registerResolutionRoutes(app, deps);
  registerResolutionWriteRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerReportWriteRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerChangeRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerSyncRoutes(app, deps);

  // Data answers are compressed once in the response cache; the OpenAPI document (~190 KB,
  // built per request by the library) is compressed here, per request, as few ask for it.
  app.use('/api/v1/openapi.json', compress());
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Accord API',
      version: '1',
      description:
        'Registry of regional human-rights arrangements. Lists take limit (1-1000, default 50), cursor and sort=field,-field and answer { items, total, next }. ' +
        'lang is one of ar en es fr ru zh (else Accept-Language, else en); asOf is a calendar date YYYY-MM-DD (default today). ' +
        'Every fact carries sources [{ title, url, retrieved }]; errors are { error: { code, message, details } }.',
    },
  });
  registerApiDocs(app);
  refuseOtherMethods(app);
  registerWebApp(app, webDir);
  return app;
}
