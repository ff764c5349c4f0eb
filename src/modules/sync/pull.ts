// Reading one page of a peer's change feed over HTTP(S), and checking it. The connection goes
// through the same guard as webhooks (../webhooks/targets.ts): the peer's host must resolve to
// public addresses (loopback only where the operator allows it). The answer is read up to a
// bound, then every entry is checked (schema.ts) and the cursors must only grow: a page that
// breaks a rule is refused whole, naming the entry and the field, so nothing of it is written.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { addressAllowed, guardedLookup } from '../webhooks/targets.ts';
import { type PeerEntry, peerEntrySchema, peerPageSchema } from './schema.ts';

/** The largest answer read from a peer, and the largest record in it. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_RECORD_CHARS = 1024 * 1024;

export interface PeerPage {
  entries: PeerEntry[];
  next: number;
  more: boolean;
}

/** A peer that refused us: retrying will not help (a refused token, an address we may not reach). */
export class PeerRefusal extends Error {}

/** A peer that could not be reached or failed on its side: worth another attempt. */
export class PeerUnavailable extends Error {}

/** A page that breaks the feed's rules: refused whole, and asked again (a peer being upgraded, an
 *  answer cut by a proxy), a bounded number of times like an unavailable peer. */
export class PeerMalformed extends PeerUnavailable {}

interface Answer {
  status: number;
  body: string;
}

function get(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !addressAllowed(host)) return reject(new PeerRefusal(`${host} is an address Accord may not reach`));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers, lookup: guardedLookup as never, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.destroy();
          reject(new PeerMalformed(`the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => reject(new PeerUnavailable(error.message)));
    });
    req.on('timeout', () => req.destroy(new PeerUnavailable(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => {
      if (error instanceof PeerRefusal || error instanceof PeerUnavailable) return reject(error);
      // The address guard's refusal (a name that resolves inside) will not change on a retry.
      reject(error.message.includes('may not reach') ? new PeerRefusal(error.message) : new PeerUnavailable(error.message));
    });
    req.end();
  });
}

/** The address of the page after `since`. */
export function pageUrl(baseUrl: string, since: number, limit: number): URL {
  const url = new URL('api/v1/changes', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('since', String(since));
  url.searchParams.set('limit', String(limit));
  return url;
}

function statusProblem(status: number): Error | null {
  if (status >= 200 && status <= 299) return null;
  if (status === 401 || status === 403) return new PeerRefusal(`the peer refused the token (HTTP ${status})`);
  if (status === 429 || status >= 500) return new PeerUnavailable(`the peer answered HTTP ${status}`);
  return new PeerRefusal(`the peer answered HTTP ${status}`);
}

/** Checks a page's shape and each entry; the first problem refuses the page, naming where it is. */
export function checkPage(body: unknown, since: number): PeerPage {
  const page = peerPageSchema.safeParse(body);
  if (!page.success) {
    const issue = page.error.issues[0]!;
    throw new PeerMalformed(`the page is malformed: field "${issue.path.join('.') || 'body'}": ${issue.message}`);
  }
  const entries: PeerEntry[] = [];
  let last = since;
  page.data.items.forEach((item, index) => {
    const where = `entry ${index + 1}${typeof (item as { id?: unknown })?.id === 'string' ? ` (change ${(item as { id: string }).id})` : ''}`;
    const entry = peerEntrySchema.safeParse(item);
    if (!entry.success) {
      const issue = entry.error.issues[0]!;
      throw new PeerMalformed(`${where}: field "${issue.path.join('.') || 'entry'}": ${issue.message}`);
    }
    const id = Number(entry.data.id);
    if (id <= last) throw new PeerMalformed(`${where}: field "id": must follow ${last} (cursors only grow)`);
    if (entry.data.action !== 'imported' && entry.data.recordId === null) throw new PeerMalformed(`${where}: field "recordId": a ${entry.data.action} change must name its record`);
    if (entry.data.record !== null && JSON.stringify(entry.data.record).length > MAX_RECORD_CHARS) throw new PeerMalformed(`${where}: field "record": larger than ${MAX_RECORD_CHARS} characters`);
    last = id;
    entries.push(entry.data);
  });
  const next = page.data.next === null ? last : Number(page.data.next);
  if (next < last) throw new PeerMalformed(`field "next": ${next} comes before the page's last change ${last}`);
  return { entries, next, more: page.data.more };
}

/** One page of the peer's feed after `since`, checked. */
export async function pullPage(peer: { baseUrl: string; token: string | null }, since: number, limit: number, timeoutMs: number): Promise<PeerPage> {
  const url = pageUrl(peer.baseUrl, since, limit);
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'Accord-Sync/1' };
  if (peer.token) headers.Authorization = `Bearer ${peer.token}`;
  const answer = await get(url, headers, timeoutMs);
  const problem = statusProblem(answer.status);
  if (problem) throw problem;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    throw new PeerMalformed('the page is not JSON');
  }
  return checkPage(body, since);
}
