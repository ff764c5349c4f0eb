// The password rule the server applies (src/modules/accounts/passwords.ts, NIST SP 800-63B):
// at least 12 characters, at most 256, nothing else. Checked here too, so the reader learns it
// before sending; test/unit/web-account.test.ts keeps the two numbers equal.
import type { Problem } from '../../api/client.ts';

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

/** The problem with a new password, worded as the API words it (problems.ts translates it). */
export function passwordProblem(password: string, field: string): Problem | null {
  if (password.length < MIN_PASSWORD) return { field, reason: `must be at least ${MIN_PASSWORD} characters` };
  if (password.length > MAX_PASSWORD) return { field, reason: `must be at most ${MAX_PASSWORD} characters` };
  return null;
}
