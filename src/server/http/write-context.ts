// The write context of a request: the signed-in user as the actor, the request id that ties the
// audit records to the server's log line, and the reason the client gave (X-Reason, optional).
import type { Context } from 'hono';
import { userContext, type WriteContext } from '../../modules/audit/context.ts';
import { ValidationError } from '../../shared/errors.ts';
import { principalOf } from './auth.ts';

const MAX_REASON = 2000;

export function writeContextOf(c: Context): WriteContext {
  const principal = principalOf(c);
  const raw = c.req.header('x-reason');
  // Header values are Latin-1 on the wire: a reason in another script arrives percent-encoded.
  let reason: string | null = null;
  if (raw !== undefined && raw.trim() !== '') {
    try {
      reason = decodeURIComponent(raw).trim();
    } catch {
      throw new ValidationError('The X-Reason header is not valid percent-encoding', [{ parameter: 'X-Reason', reason: 'encode it with encodeURIComponent' }]);
    }
    if (reason.length > MAX_REASON) throw new ValidationError('The reason is too long', [{ parameter: 'X-Reason', reason: `at most ${MAX_REASON} characters` }]);
  }
  // The anonymous public writes nothing: policies refuse a context without a principal.
  if (principal.kind === 'user') return userContext(principal, c.get('requestId'), reason);
  return { actor: 'anonymous:public', osUser: null, requestId: c.get('requestId'), reason };
}
