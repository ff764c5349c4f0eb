// Every error kind the application raises, once: its HTTP status and stable code. Shared by
// the server, the CLI, the importers and the services.
// Domain code throws these; only the HTTP edge (server/app.ts) turns them into responses.

export interface Problem {
  file?: string;
  row?: number;
  field?: string;
  parameter?: string;
  /** A file read as a tree (an IATI activity file): the rule broken, the element's path, the line of its start tag. */
  rule?: string;
  path?: string;
  line?: number;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 422 | 428 | 429 | 500 | 503,
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
    super('method_not_allowed', 405, `${method} is not allowed here: this address answers only ${allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} and ${allowed.at(-1)}` : allowed.join('')}`, [
      { parameter: 'method', reason: `allowed: ${allowed.join(', ')}` },
    ]);
  }
}

/** Writers met at the same moment and the database kept only one of them (two took the same
 *  new number): nothing was written, and the write may be sent again. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', 409, message);
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
      const where = [
        p.file,
        p.row !== undefined ? `row ${p.row}` : undefined,
        p.line !== undefined ? `line ${p.line}` : undefined,
        p.path,
        p.rule ? `rule ${p.rule}` : undefined,
        p.field ? `field ${p.field}` : undefined,
        p.parameter ? `parameter ${p.parameter}` : undefined,
      ]
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

/** No valid session or token where one is needed (or a sign-in that failed: never says which part). */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to do this', details: Problem[] = []) {
    super('unauthenticated', 401, message, details);
  }
}

/** Signed in, but the policy of this feature does not allow it. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', 403, message);
  }
}

/** An update named a version of the record that is no longer the current one: `current` is it. */
export class StaleVersionError extends AppError {
  constructor(
    what: string,
    readonly current: unknown,
    readonly currentVersion: number,
  ) {
    super('stale_version', 412, `The ${what} was changed by someone else since you read it: reload it, then apply your change again`, [
      { parameter: 'If-Match', reason: `current version is ${currentVersion}` },
    ]);
  }
}

/** An update that does not say which version of the record it read. */
export class VersionRequiredError extends AppError {
  constructor(what: string) {
    super('version_required', 428, `A change to this ${what} must name the version of it that was read: send If-Match: "v<version>" (the record's version)`, [
      { parameter: 'If-Match', reason: 'missing' },
    ]);
  }
}

/** Too many attempts (failed sign-ins): `retryAfterSeconds` says when to try again. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', 429, message);
  }
}

/** A request body larger than the route accepts. */
export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super('payload_too_large', 413, `The request body is larger than ${limitBytes} bytes`);
  }
}

/** Files the server or CLI needs at run time and cannot find (the IATI schemas in ../shared/data):
 *  the message says where it looked and how to point to them. */
export class FilesUnavailableError extends AppError {
  constructor(message: string) {
    super('files_unavailable', 503, message);
  }
}

/** A service at its limit for the moment (every slot of a costly job taken): try again after
 *  `retryAfterSeconds`. */
export class BusyError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('busy', 503, message);
  }
}

/** A program the server needs for this answer is not installed (Chromium for PDF): the message says which and how to install it. */
export class ProgramMissingError extends AppError {
  constructor(message: string) {
    super('program_missing', 503, message);
  }
}
