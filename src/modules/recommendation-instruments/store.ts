// Storing and recomputing the links of recommendations to instruments. The import stores the
// links of each batch with its rows; `relink` recomputes every recognised link of the stored
// rows (when the list of names or the recogniser changed), a page at a time, in one use case.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { UseCase } from '../audit/pipeline.ts';
import { type Linker, linksOfStored } from './links.ts';
import { deleteLinksOfMethod, insertLinks, linkDigest, textsAfter } from './repository.ts';

export async function storeLinksOf(db: Kysely<Database> | Transaction<Database>, rows: readonly { seq: number; text: string }[], linker: Linker): Promise<number> {
  const links = linksOfStored(rows, linker);
  await insertLinks(db, links, 'recognised', linker.version);
  return links.length;
}

const PAGE = 2000;

export interface Relinked {
  before: number;
  after: number;
  rows: number;
  version: string;
}

export const relinkUseCase: UseCase<{ linker: Linker }, Relinked> = {
  name: 'recommendations.relink',
  topics: ['recommendations'],
  async run(trx, { linker }) {
    const before = await linkDigest(trx, 'recognised');
    await deleteLinksOfMethod(trx, 'recognised');
    let rows = 0;
    let after = 0;
    for (;;) {
      const page = await textsAfter(trx, after, PAGE);
      if (page.length === 0) break;
      await storeLinksOf(trx, page, linker);
      rows += page.length;
      after = page.at(-1)!.seq;
    }
    const now = await linkDigest(trx, 'recognised');
    const result = { before: before.links, after: now.links, rows, version: linker.version };
    if (now.digest === before.digest) return { result, audit: [] };
    return {
      result,
      audit: [
        {
          action: 'update',
          entityKind: 'recommendation-links',
          entityId: 'recognised',
          before: { links: before.links },
          after: { links: now.links, version: linker.version },
          summary: `instrument links of ${rows} recommendations recomputed by ${linker.version}: ${before.links} before, ${now.links} now`,
        },
      ],
    };
  },
};
