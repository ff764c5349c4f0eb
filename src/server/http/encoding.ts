// Content coding of JSON answers: br or gzip when the client accepts it, else none.
// Compressed once per cached answer (see cache.ts), never per request.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';

/** Answers smaller than this are sent as they are: the headers would outweigh the saving. */
export const MIN_COMPRESSED_BYTES = 1024;

/** The coding to send for an Accept-Encoding header: br, else gzip, else none. A coding is
 *  accepted when named (or matched by `*`) with a q-value above 0; a missing header accepts none. */
export function chooseCoding(acceptEncoding: string | undefined): Coding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: string) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  // br is smaller (the States list: 451 KB → 8.6 KB, against 14.7 KB with gzip) and as fast
  // to decode, so it wins whenever both are accepted, whatever their q-values.
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** br quality 6 and gzip level 6: ~3 ms for the largest answer (br 11 takes ~80 ms for 15% less). */
export function compress(body: Uint8Array, coding: 'br' | 'gzip'): Uint8Array<ArrayBuffer> {
  const out = coding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }) : gzipSync(body, { level: 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>;
}
