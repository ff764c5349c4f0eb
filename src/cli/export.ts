// `accord export <entity>`: writes the export (modules/exports) chunk by chunk to standard
// output or a file, waiting whenever the reader is slower than the database, so that memory
// stays at a page of rows whatever the size of the export.
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { exportChunks, type ExportEntity, type ExportFormat, type ExportRequest } from '../modules/exports/service.ts';

/** Writes every chunk, waiting for 'drain' when the stream's buffer is full. */
export async function writeChunks(chunks: AsyncIterable<string | Uint8Array>, out: Writable): Promise<void> {
  // A write error arrives as an event, possibly between two writes: keep it for the next one.
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure ??= error;
  };
  out.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (failure) throw failure;
      if (!out.write(chunk)) await once(out, 'drain'); // rejects if the stream fails meanwhile
    }
    if (failure) throw failure;
  } finally {
    out.off('error', onError);
  }
}

/** Removes a partial file once its stream is closed: a file still opening would otherwise appear after its removal. */
async function discard(file: WriteStream, path: string): Promise<void> {
  if (!file.closed) await new Promise<void>((resolve) => file.destroy().once('close', () => resolve()));
  rmSync(path, { force: true });
}

/**
 * Writes to a file beside `out` and renames it once complete, so that `out` is either the
 * whole export or left as it was; on failure the partial file is removed.
 */
export async function writeToFile(chunks: AsyncIterable<string | Uint8Array>, out: string): Promise<void> {
  const partial = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
  const file = createWriteStream(partial);
  // Failures are taken from the writes and from finished(); this keeps one that comes after
  // them (the file failing to open while it is discarded) from ending the process.
  file.on('error', () => {});
  try {
    await writeChunks(chunks, file); // leaving it early stops the export reading the database
    file.end();
    await finished(file);
    renameSync(partial, out);
  } catch (error) {
    await discard(file, partial);
    throw new Error(`export to ${out} stopped, nothing was written there: ${(error as Error).message}`, { cause: error });
  }
}

async function* startingWith(first: IteratorResult<string>, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (first.done) return;
  yield first.value;
  yield* rest; // forwards an early stop to `rest`, so it stops reading the database
}

/** Writes the export to `options.out`, else to standard output. */
export async function exportEntity(db: Kysely<Database>, entity: ExportEntity, format: ExportFormat, options: Omit<ExportRequest, 'entity' | 'format'> & { out?: string }): Promise<void> {
  const { out, ...rest } = options;
  const chunks = exportChunks(db, { ...rest, entity, format });
  // A request that cannot be answered (an unknown organization) fails here, before any file exists.
  const all = startingWith(await chunks.next(), chunks);
  if (out) await writeToFile(all, out);
  else await writeChunks(all, process.stdout);
}
