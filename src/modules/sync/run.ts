// One run of a sync: pull the peer's feed a page at a time from its cursor, apply each page
// (write.ts: whole, with the cursor, in one transaction), log progress on the run, and when the
// feed is read to its end, check the records received against our facts (disagreements.ts).
// A peer that cannot be reached, fails on its side or sends a malformed page is asked again after
// a back-off, a bounded number of times, each attempt logged; one that refuses us (the token, an
// address we may not reach) is not. Either way the run ends `failed` with the reason, and what was
// applied before stays: the next run resumes from there.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { WriteContext } from '../audit/context.ts';
import { recheckDisagreements } from './disagreements.ts';
import { PeerUnavailable, type PeerPage, pullPage, pageUrl } from './pull.ts';
import { findPeer, findRun, type RunRow, updateRun } from './repository.ts';
import { applyPage, startRun } from './write.ts';

type Db = Kysely<Database>;

export interface RunOptions {
  /** Stop after this many pages (the rest waits for the next run). */
  maxPages?: number;
  /** Attempts per page when the peer is unavailable, and the first wait between them (doubled each time). */
  attempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
  /** Called after each page applied. */
  onPage?: (run: RunRow) => void;
}

const DEFAULTS = { attempts: 4, backoffMs: 2000, timeoutMs: 30_000 };

interface LogLine {
  at: string;
  url: string;
  error: string;
}

async function pullWithRetries(peer: { baseUrl: string; token: string | null }, since: number, limit: number, options: typeof DEFAULTS, log: LogLine[]): Promise<PeerPage> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await pullPage(peer, since, limit, options.timeoutMs);
    } catch (error) {
      log.push({ at: new Date().toISOString(), url: pageUrl(peer.baseUrl, since, limit).href, error: (error as Error).message.slice(0, 500) });
      if (!(error instanceof PeerUnavailable) || attempt >= options.attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 1)));
    }
  }
}

/** Runs a started run to its end; resolves with the run as it ended (never rejects for the peer's faults). */
export async function continueRun(db: Db, runId: number, context: WriteContext, runOptions: RunOptions = {}): Promise<RunRow> {
  const options = { ...DEFAULTS, ...Object.fromEntries(Object.entries(runOptions).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS & RunOptions;
  const run = (await findRun(db, runId))!;
  const log: LogLine[] = [];
  const totals = { pages: 0, received: 0, applied: 0, skipped: 0 };
  let cursor = Number(run.from_cursor);
  try {
    for (;;) {
      const peer = await findPeer(db, run.peer_id);
      if (!peer) throw new NotFoundError('sync peer', run.peer_id);
      cursor = Number(peer.cursor);
      const page = await pullWithRetries({ baseUrl: peer.base_url, token: peer.token }, cursor, peer.page_size, options, log);
      const done = await applyPage(db, { peerId: peer.id, from: cursor, page }, context);
      cursor = page.next;
      totals.pages += 1;
      totals.received += page.entries.length;
      totals.applied += done.applied;
      totals.skipped += done.skipped;
      await updateRun(db, runId, { ...totals, to_cursor: cursor, log: JSON.stringify(log.slice(-50)) });
      if (options.onPage) options.onPage((await findRun(db, runId))!);
      if (!page.more || page.entries.length === 0 || (options.maxPages !== undefined && totals.pages >= options.maxPages)) break;
    }
    await recheckDisagreements(db, run.peer_id);
    await updateRun(db, runId, { status: 'done', finished_at: new Date().toISOString(), log: JSON.stringify(log.slice(-50)) });
  } catch (error) {
    const message = (error as Error).message.slice(0, 1000);
    await updateRun(db, runId, { ...totals, to_cursor: cursor, status: 'failed', error: message, finished_at: new Date().toISOString(), log: JSON.stringify(log.slice(-50)) });
  }
  return (await findRun(db, runId))!;
}

/** A whole run, started and ended here (the CLI; tests). */
export async function syncPeer(db: Db, peerId: string, context: WriteContext, options: RunOptions = {}): Promise<RunRow> {
  return continueRun(db, await startRun(db, peerId, context), context, options);
}
