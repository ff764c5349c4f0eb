// A streamed download as a route's answer. The route documents a JSON body (the JSON export)
// beside CSV; a stream is neither checked nor typed by zod, so the one cast lives here.
import type { TypedResponse } from 'hono';
import type { JSONValue } from 'hono/utils/types';

export function downloadResponse(body: ReadableStream<Uint8Array>, headers: Record<string, string>): TypedResponse<JSONValue, 200, 'json'> {
  return new Response(body, { status: 200, headers }) as unknown as TypedResponse<JSONValue, 200, 'json'>;
}
