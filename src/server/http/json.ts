/** JSON with <, > and & escaped as \u sequences: the same data once parsed, but a value that
 * echoes user input can never be read as HTML, whatever a client does with the body. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
