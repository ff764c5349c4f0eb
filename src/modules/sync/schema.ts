// Sync bodies and answers (zod: validation and OpenAPI), and the rules a peer's change feed must
// keep: a page read from another instance is input like any other, checked field by field before
// anything of it is written.
import { z } from '@hono/zod-openapi';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const baseUrl = z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
// The form of an Accord API token (src/server/http/auth.ts): letters, digits, _ and -.
const token = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be an API token of the peer (letters, digits, _ and -)')
  .nullable();
const pageSize = z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000');

export const peerCreateSchema = z
  .strictObject({ name, baseUrl, token: token.optional(), pageSize: pageSize.optional(), active: z.boolean().optional() })
  .openapi('SyncPeerCreate', { description: 'Another Accord to pull records from; `baseUrl` is its address (https://accord.example.org), `token` an API token it issued.' });
export const peerUpdateSchema = z
  .strictObject({ name: name.optional(), baseUrl: baseUrl.optional(), token: token.optional(), pageSize: pageSize.optional(), active: z.boolean().optional() })
  .openapi('SyncPeerUpdate');

export const runSchema = z
  .object({
    id: z.string(),
    peerId: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    startedBy: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    fromCursor: z.string().openapi({ description: "The peer's cursor the run started from." }),
    toCursor: z.string().openapi({ description: "The peer's last change applied so far." }),
    pages: z.number().int(),
    received: z.number().int().openapi({ description: 'Entries read from the peer.' }),
    applied: z.number().int().openapi({ description: 'Records written here.' }),
    skipped: z.number().int().openapi({ description: 'Entries with no record (imports of whole datasets) or older than the record held.' }),
    error: z.string().nullable(),
    log: z.array(z.object({ at: z.string(), url: z.string(), error: z.string() })).openapi({ description: 'Each failed attempt (retried, or the last one).' }),
  })
  .openapi('SyncRun');
export type RunView = z.infer<typeof runSchema>;

export const peerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    hasToken: z.boolean().openapi({ description: 'Whether a token is kept; the token itself is never answered.' }),
    active: z.boolean(),
    pageSize: z.number().int(),
    cursor: z.string().openapi({ description: "The peer's last change applied here: the next run asks for what follows." }),
    records: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastRun: runSchema.nullable(),
  })
  .openapi('SyncPeer');
export type PeerView = z.infer<typeof peerSchema>;

export const originSchema = z
  .object({
    peer: z.string().openapi({ description: 'The peer’s name.' }),
    peerId: z.string(),
    url: z.string().openapi({ description: 'The change, at the peer, the record came with.' }),
    changeId: z.string(),
    at: z.string(),
  })
  .openapi('SyncOrigin');

export const syncedRecordSchema = z
  .object({
    kind: z.string(),
    recordId: z.string(),
    action: z.string(),
    summary: z.string(),
    confidentiality: z.string(),
    facets: z.record(z.string(), z.array(z.string())),
    record: z.unknown().openapi({ description: 'The record as the peer gave it; null once deleted there.' }),
    origin: originSchema,
    receivedAt: z.string(),
  })
  .openapi('SyncedRecord');
export type SyncedRecordView = z.infer<typeof syncedRecordSchema>;

export const disagreementSchema = z
  .object({
    kind: z.string(),
    recordId: z.string(),
    fact: z.string(),
    field: z.string(),
    ours: z.string(),
    theirs: z.string(),
    confidentiality: z.string(),
    checkedAt: z.string(),
    origin: originSchema,
  })
  .openapi('SyncDisagreement');
export type DisagreementView = z.infer<typeof disagreementSchema>;

// ---- What a peer sends: its `GET /api/v1/changes` page (docs/CHANGES.md) ----

const MAX_TEXT = 10_000;
const facetValues = z.array(z.string().max(200, 'must be at most 200 characters')).max(500, 'must list at most 500 values');

export const peerEntrySchema = z.object({
  id: z.string().regex(/^\d{1,15}$/, 'must be a cursor (a whole number)'),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'must be a UTC time (ISO 8601)'),
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,60}$/, 'must be a kind of record (lower-case letters, digits and -)'),
  recordId: z.string().min(1, 'must not be empty').max(300, 'must be at most 300 characters').nullable(),
  action: z.enum(['created', 'updated', 'deleted', 'imported'], { error: 'must be created, updated, deleted or imported' }),
  summary: z.string().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`),
  confidentiality: z.enum(['public', 'internal', 'restricted'], { error: 'must be public, internal or restricted' }),
  facets: z.record(z.string().regex(/^[a-z]{1,30}$/, 'must be a facet name'), facetValues),
  record: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.null()], { error: 'must be an object, a list or null' }),
});
export type PeerEntry = z.infer<typeof peerEntrySchema>;

export const peerPageSchema = z.object({
  items: z.array(z.unknown()).max(1000, 'must hold at most 1000 entries'),
  next: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a cursor (a whole number)')
    .nullable(),
  more: z.boolean({ error: 'must be true or false' }),
});
