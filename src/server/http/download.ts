// A streamed download as a route's answer. The route documents a JSON body (the JSON export, or
// the page a JSON request gets) beside CSV; a stream is neither checked nor typed by zod, so the
// one cast lives here. T is the documented JSON answer.
import type { TypedResponse } from 'hono';
import type { JSONParsed, JSONValue } from 'hono/utils/types';

export function downloadResponse<T = JSONValue>(body: ReadableStream<Uint8Array>, headers: Record<string, string>): TypedResponse<JSONParsed<T>, 200, 'json'> {
  return new Response(body, { status: 200, headers }) as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>;
}

/** Chunks of text as a byte stream that reads the next chunk only when the client has taken the last one
 *  (memory does not grow with the download); a failure midway breaks it, so no truncated file looks complete. */
export function streamedBody(first: string | Uint8Array, rest: AsyncGenerator<string | Uint8Array>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const bytes = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk); // text, or already bytes (a ZIP)
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes(first));
    },
    async pull(controller) {
      try {
        const next = await rest.next();
        if (next.done) controller.close();
        else controller.enqueue(bytes(next.value));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await rest.return(undefined); // the client went away: stop reading the database
    },
  });
}
