// Where a webhook may send (docs/SECURITY.md): http(s) addresses only, with no user name or
// password in them, whose host resolves to public addresses only. Private (10/8, 172.16/12,
// 192.168/16, fc00::/7), loopback (127/8, ::1), link-local (169.254/16 — cloud metadata —,
// fe80::/10), carrier-grade NAT, multicast, reserved and unspecified addresses are refused: a
// webhook must not become a way to reach the server's own network. The operator may allow
// loopback (ACCORD_WEBHOOK_ALLOW_LOOPBACK=1: the tests' receiver); nothing else can be allowed.
// The check runs when a webhook is saved and again at each delivery, on the address the
// connection is made to (deliver.ts passes it to the socket), so a name that later resolves to
// a private address is refused too.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ValidationError } from '../../shared/errors.ts';

export const ALLOW_LOOPBACK_ENV = 'ACCORD_WEBHOOK_ALLOW_LOOPBACK';

export function loopbackAllowed(): boolean {
  return process.env[ALLOW_LOOPBACK_ENV] === '1';
}

function ipv4Parts(address: string): number[] | null {
  const parts = address.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
}

function v4Kind(address: string): 'public' | 'loopback' | 'internal' {
  const p = ipv4Parts(address);
  if (!p) return 'internal';
  const [a, b] = p as [number, number, number, number];
  if (a === 127) return 'loopback';
  if (a === 0 || a === 10 || a >= 224) return 'internal'; // this network, private, multicast, reserved, broadcast
  if (a === 169 && b === 254) return 'internal'; // link-local: cloud metadata services
  if (a === 172 && b >= 16 && b <= 31) return 'internal';
  if (a === 192 && b === 168) return 'internal';
  if (a === 100 && b >= 64 && b <= 127) return 'internal'; // carrier-grade NAT
  if (a === 192 && b === 0 && p[2] === 0) return 'internal'; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return 'internal'; // benchmarking
  return 'public';
}

/** What an address is: public, loopback, or anything else we refuse. */
export function addressKind(address: string): 'public' | 'loopback' | 'internal' {
  if (isIP(address) === 4) return v4Kind(address);
  if (isIP(address) !== 6) return 'internal';
  const lower = address.toLowerCase();
  if (lower === '::1') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return v4Kind(mapped[1]);
  if (lower === '::' || lower.startsWith('fc') || lower.startsWith('fd') || /^fe[89ab]/.test(lower) || lower.startsWith('ff') || lower.startsWith('::ffff:')) return 'internal';
  if (lower.startsWith('64:ff9b:') || lower.startsWith('2001:db8:')) return 'internal'; // NAT64, documentation
  return 'public';
}

export function addressAllowed(address: string): boolean {
  const kind = addressKind(address);
  return kind === 'public' || (kind === 'loopback' && loopbackAllowed());
}

/** The URL's problem as a reason, or null when its form is acceptable (the host is checked apart). */
export function urlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute http(s) address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https address';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (text.length > 2000) return 'must be at most 2000 characters';
  return null;
}

/** The host's addresses, every one of which must be allowed; else a 400 naming the field (`url`). */
export async function checkTarget(text: string, field = 'url', what = 'The webhook address'): Promise<void> {
  const problem = urlProblem(text);
  if (problem) throw new ValidationError(`${what} is refused`, [{ field, reason: problem }]);
  const host = new URL(text).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new ValidationError(`${what} is refused`, [{ field, reason: `${host} does not resolve` }]);
  }
  const refused = addresses.find((a) => !addressAllowed(a));
  if (refused !== undefined || addresses.length === 0) {
    const why = addressKind(refused ?? '') === 'loopback' ? 'a loopback address (not allowed on this server)' : 'a private, link-local or internal address';
    throw new ValidationError(`${what} is refused`, [{ field, reason: `${host} resolves to ${why}` }]);
  }
}

/** A socket lookup that refuses private, link-local and internal addresses (and loopback unless
 *  allowed): given to each outgoing connection (webhook deliveries, sync pulls), so the address
 *  checked is the one connected to. */
export function guardedLookup(hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((a) => !addressAllowed(a.address))) return callback(new Error(`${hostname} resolves to an address Accord may not reach`), '');
    if ((options as { all?: boolean }).all) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}
