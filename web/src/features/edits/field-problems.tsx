// What an edit form says is wrong with one of its fields, next to it: the problems found before
// sending and those the API's details name for exactly this field (`source.url`, `audience[0]`),
// in the page's language.
import type { Problem } from '../../api/client.ts';
import { reasonText, type Said, type Translate } from '../../api/problems.ts';
import { SaidText } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RuleProblem } from './rules.ts';

// The API's reasons for the fields of registry edits, in the page's language; others as problems.ts says them.
const REASONS: [RegExp, string][] = [
  [/^must be YYYY, YYYY-MM or YYYY-MM-DD/, 'edit.rule.partialDate'],
  [/^must be a day, YYYY-MM-DD$/, 'edit.rule.day'],
  [/^must not be in the future$/, 'edit.rule.future'],
  [/^must be an http\(s\) web address or a UN document symbol/, 'edit.rule.sourceAddress'],
  [/^must be an http\(s\) web address$/, 'edit.rule.web'],
  [/^must be an ISO alpha-3 code/, 'edit.rule.iso3'],
  [/^must not be empty$/, 'edit.rule.required'],
  [/^no source ".*" in the registry$|^no source /, 'edit.rule.unknownSource'],
  [/^".*" is not a procedure of /, 'edit.rule.procedure'],
  [/^only a declaration accepting or withdrawing a procedure names one$/, 'edit.rule.procedureKind'],
];

export function editReasonText(reason: string, t: Translate): Said {
  for (const [pattern, key] of REASONS) if (pattern.test(reason)) return { text: t(key), english: false };
  return reasonText(reason, t);
}

/** The API's problems for exactly this field (and its items: `audience[0]`). */
export function serverProblems(error: unknown, path: string): Problem[] {
  const details = error instanceof Error && 'details' in error ? ((error as { details: Problem[] }).details ?? []) : [];
  return details.filter((p) => p.field === path || p.field?.startsWith(`${path}[`));
}

export interface ProblemsOf {
  /** Problems found before sending, by field. */
  rules: RuleProblem[];
  /** The last refusal of the API. */
  error: unknown;
}

export function useMessages(problems: ProblemsOf, path: string): Said[] {
  const { t } = useI18n();
  return [
    ...problems.rules.filter((p) => p.field === path).map((p) => ({ text: t(p.reason, p.vars), english: false })),
    ...serverProblems(problems.error, path).map((p) => editReasonText(p.reason, t)),
  ];
}

export function Messages({ id, messages }: { id: string; messages: Said[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="field-error">
      {messages.map((said, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for this render
        <span key={i} className="block">
          <SaidText said={said} />
        </span>
      ))}
    </span>
  );
}
