// Every error kind the application raises, once: its HTTP status and stable code. Shared by
// the server, the CLI, the importers and the services.
// Domain code throws these; only the HTTP edge (server/app.ts) turns them into responses.

export interface Problem {
  file?: string;
  row?: number;
  field?: string;
  parameter?: string;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 404 | 405 | 409 | 422 | 500 | 503,
    message: string,
    readonly details: Problem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request or file that breaks the rules: names the parameter, or the file, row and field. */
export class ValidationError extends AppError {
  constructor(message: string, details: Problem[] = []) {
    super('validation_failed', 400, message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('not_found', 404, `No ${what} with code or id "${id}"`, [{ parameter: what, reason: 'unknown' }]);
  }
}

/** A method the address does not answer (the API only reads); `allowed` are those it does. */
export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    readonly allowed: string[],
  ) {
    super('method_not_allowed', 405, `${method} is not allowed here: this address answers only ${allowed.join(' and ')}`, [{ parameter: 'method', reason: `allowed: ${allowed.join(', ')}` }]);
  }
}

/** Reference data that contradicts itself (unknown code in a cross-reference...). */
export class IntegrityError extends AppError {
  constructor(message: string, details: Problem[] = []) {
    super('integrity_failed', 422, message, details);
  }
}

/** The data changed (an import, a seed) while an answer was read from it page by page. */
export class DataChangedError extends AppError {
  constructor() {
    super('data_changed', 409, 'The data changed while the export was being read (an import or a seed ran): export again');
  }
}

export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => {
      const where = [p.file, p.row !== undefined ? `row ${p.row}` : undefined, p.field ? `field ${p.field}` : undefined, p.parameter ? `parameter ${p.parameter}` : undefined]
        .filter(Boolean)
        .join(', ');
      return where ? `  ${where}: ${p.reason}` : `  ${p.reason}`;
    })
    .join('\n');
}

/** The database cannot be reached (stopped, dropped, its file deleted): nothing to answer from. */
export class DatabaseUnavailableError extends AppError {
  constructor(message: string) {
    super('database_unavailable', 503, message);
  }
}
