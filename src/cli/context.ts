// What the CLI is given by the composition root (src/main.ts) rather than importing it:
// src/cli imports nothing from src/server.
export interface ServeOptions {
  port: number;
  seed: boolean;
  snapshot: boolean;
}

export interface CliContext {
  /** Opens the database, prepares it and listens (src/server/main.ts). */
  startServer(options: ServeOptions): Promise<void>;
}
