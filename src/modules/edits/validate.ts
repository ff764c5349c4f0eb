// Turning a write body into what a use case stores, or into a ValidationError that names each
// field and why (never a 500): zod checks shapes, then the use case checks what only the
// registry knows (a State, an organization, a source that exists).
import type { Kysely } from 'kysely';
import type { z } from '@hono/zod-openapi';
import type { Database } from '../../db/schema.ts';
import { ValidationError, VersionRequiredError, type Problem } from '../../shared/errors.ts';
import type { ConfidentialityLevel } from '../../shared/vocabularies.ts';
import { findOrganization } from '../organizations/repository.ts';
import { findState } from '../states/repository.ts';

/** zod's issues as problems: the field is the path of the value (`audience.0`, `source.url`). */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'body', reason: issue.message }));
}

/** The input as the schema reads it, or a ValidationError naming every field that breaks a rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(`${what}: the input breaks the rules`, problemsOf(parsed.error));
  return parsed.data;
}

export function throwIfProblems(problems: Problem[], what: string): void {
  if (problems.length) throw new ValidationError(`${what} was not stored`, problems);
}

/** An update or delete must say which version of the record it read. */
export function requireVersion(expected: number | undefined, what: string): number {
  if (expected === undefined) throw new VersionRequiredError(what);
  return expected;
}

/** A restricted record names its audience, and each scope names an organization or State of the registry. */
export async function audienceProblems(db: Kysely<Database>, level: ConfidentialityLevel, audience: readonly string[], self?: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (level === 'restricted' && audience.length === 0) problems.push({ field: 'audience', reason: 'a restricted record must name who may see it' });
  for (const [i, scope] of audience.entries()) {
    if (scope === self) continue;
    const [kind, id] = scope.split(':') as [string, string];
    const known = kind === 'organization' ? await findOrganization(db, id) : await findState(db, id);
    if (!known) problems.push({ field: `audience.${i}`, reason: `no ${kind} "${id}" in the registry` });
  }
  return problems;
}

/** A State the registry holds (ISO alpha-3), for a field that names one. */
export async function stateProblem(db: Kysely<Database>, field: string, iso3: string | null | undefined): Promise<Problem[]> {
  if (iso3 == null) return [];
  return /^[A-Z]{3}$/.test(iso3) && (await findState(db, iso3)) ? [] : [{ field, reason: `"${iso3}" is not a State of the registry` }];
}

/** An organization the registry holds, for a field that names one. */
export async function organizationProblem(db: Kysely<Database>, field: string, id: string | null | undefined): Promise<Problem[]> {
  if (id == null) return [];
  return (await findOrganization(db, id)) ? [] : [{ field, reason: `no organization "${id}" in the registry` }];
}
