// A streamed download as a route's answer. The route documents a JSON body (the JSON export, or
// the page a JSON request gets) beside CSV; a stream is neither checked nor typed by zod, so the
// one cast lives here. T is the documented JSON answer.
import type { TypedResponse } from 'hono';
import type { JSONParsed, JSONValue } from 'hono/utils/types';

export function downloadResponse<T = JSONValue>(body: ReadableStream<Uint8Array>, headers: Record<string, string>): TypedResponse<JSONParsed<T>, 200, 'json'> {
  return new Response(body, { status: 200, headers }) as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>;
}
