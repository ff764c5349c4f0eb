// The backup file (docs/BACKUP.md): gzip-compressed JSON lines. A header (format, version, the
// migrations the data were made under, the source database's kind, when, and each table with
// its row count); then for each table a line naming it and its columns, followed by its rows,
// one JSON array per line in that column order; last, an end line with the counts and the
// SHA-256 of every byte before it, so that a file cut short or changed is refused.
import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';

export const FORMAT = 'accord-backup';
export const FORMAT_VERSION = 1;

/** A line may hold one row of at most this size (a declaration's text, an audit record of a
 *  bulk import: a few megabytes at most); a reader refuses longer lines rather than hold them. */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

const NAME = z.string().min(1).max(200);
const COUNT = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  source: z.object({ dialect: z.enum(['sqlite', 'postgres']) }),
  migrations: z.array(NAME).max(10_000),
  tables: z.array(z.object({ name: NAME, rows: COUNT })).max(1_000),
});

export type Header = z.infer<typeof headerSchema>;

export const tableLineSchema = z.strictObject({ table: z.string(), columns: z.array(z.string()).max(1_000) });

export const endLineSchema = z.strictObject({ end: z.strictObject({ tables: COUNT, rows: COUNT, sha256: z.string().regex(/^[0-9a-f]{64}$/) }) });

/** Turns lines into bytes, keeping the checksum of every byte before the end line. */
export class LineEncoder {
  private readonly hash: Hash = createHash('sha256');

  /** `where` names the row for the message when it is too large to be read back. */
  line(value: unknown, where: () => string): Buffer {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
    if (bytes.length > MAX_LINE_BYTES) throw new Error(`${where()} is larger than a backup line may be (${MAX_LINE_BYTES} bytes): it cannot be backed up`);
    this.hash.update(bytes);
    return bytes;
  }

  /** The end line; returns its bytes and the checksum it carries. */
  end(tables: number, rows: number): { bytes: Buffer; sha256: string } {
    const sha256 = this.hash.digest('hex');
    return { bytes: Buffer.from(`${JSON.stringify({ end: { tables, rows, sha256 } })}\n`), sha256 };
  }
}
