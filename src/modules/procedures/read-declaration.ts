// What a declaration printed by the UN Treaty Collection says about a treaty's optional
// procedures: which it accepts ("recognizes the competence of the Committee … under article
// 22") and which it opts out of ("does not recognize the competence … provided for in article
// 20"). A paragraph is read on its own; it names its procedure by article number, or, in a
// section of declarations under articles, by what it describes (communications from another
// State Party, from individuals). Anything else says nothing about a procedure.
import type { ProcedureEffect } from '../../shared/vocabularies.ts';
import type { Procedure } from './catalogue.ts';
import { own } from '../../shared/own.ts';

export type DeclarationEffect = Extract<ProcedureEffect, 'accept' | 'opt-out'>;

export interface ReadEffect {
  procedure: string;
  effect: DeclarationEffect;
  /** The paragraph it was read from, as printed. */
  quote: string;
  /** For an acceptance made for a period ("for a further period of five years, as from
   *  18 September 1997"): its length, and the day it runs from when the text says so. */
  term: { years: number; from: string | null } | null;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PERIOD = /for (?:a|another) (?:further )?period of (\w+) years?/i;
const RUNS_FROM = new RegExp(String.raw`(?:as from|beginning on|with effect from|in effect for \w+ years from) (\d{1,2}) (${MONTHS.join('|')}) (\d{4})`);

/** The period an acceptance is limited to, when the text sets one. */
export function termOf(paragraph: string): ReadEffect['term'] {
  const period = PERIOD.exec(paragraph);
  if (!period) return null;
  const years = own(NUMBER_WORDS, period[1]!.toLowerCase()) ?? Number(period[1]);
  if (!Number.isInteger(years) || years <= 0) return null;
  const runs = RUNS_FROM.exec(paragraph);
  const from = runs ? `${runs[3]}-${String(MONTHS.indexOf(runs[2]!) + 1).padStart(2, '0')}-${runs[1]!.padStart(2, '0')}` : null;
  return { years, from };
}

const NEGATION =
  /\b(?:does|do|shall|will|did) not (?:recogni[sz]e|accept)|\bnot to recogni[sz]e|\bwithout recogni[sz]ing|\bat a later (?:time|stage|date)|\bdoes not consider itself bound|\bwould not undertake the obligations/i;
const ACCEPTANCE = /\b(?:recogni[sz]es?|recogni[sz]ing|accepts?|accepting|acknowledges)\b/i;
const ARTICLE_LIST = /\barticles?\s+\[?((?:\d+(?:\s*\(\s*\d+\s*\))?(?:\s*(?:,|and|or|y)\s*)?)+)/gi;

/** Article numbers a paragraph names ("articles 21 and 22", "article 28 (1)" → 21, 22, 28). */
export function articlesNamed(paragraph: string): Set<string> {
  const found = new Set<string>();
  for (const m of paragraph.matchAll(ARTICLE_LIST)) {
    const list = m[1]!.replace(/\(\s*\d+\s*\)/g, ' ');
    for (const n of list.match(/\d+/g) ?? []) found.add(n);
  }
  return found;
}

function paragraphsOf(text: string): string[] {
  const lines = text
    .split(/\n+|(?<=[.;"”])\s+(?=[A-Z"“])/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // A heading ("Article 22:"), a sentence ending in a colon, and the enumerated parts or
  // lower-case continuations that follow belong to one paragraph.
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const continues = /^(?:\(\s*[a-z0-9]\s*\)|(?:I|II|III|IV)\.|[a-z]|[-–•])/.test(line);
    const opens = previous !== undefined && (/:\s*$/.test(previous) || /^articles?\s+\d+[\s\d(),and]*:?$/i.test(previous));
    if (previous !== undefined && (continues || opens)) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined;
}

/** The enumerated parts of a paragraph ("(a) to receive …; (b) to receive …", "I. … II. …"),
 *  each read for the procedure it describes; the paragraph itself when it has none. */
function clausesOf(paragraph: string): string[] {
  const parts = paragraph
    .split(/(?=\(\s*[a-z]\s*\)\s|\b(?:I|II|III|IV)\.\s|\s[-–•]\s)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.length > 1 ? parts : [paragraph];
}

/** Effects of one text on the procedures of its instrument. `sectionIsAbout` lists the
 *  procedures the page's section of declarations under articles is for, when the text comes
 *  from one: a clause there that names no article is read by its wording. */
export function readDeclaration(text: string, procedures: Procedure[], sectionIsAbout: Procedure[] = []): ReadEffect[] {
  const effects = new Map<string, ReadEffect>();
  const add = (procedure: string, effect: DeclarationEffect, quote: string) => {
    if (!effects.has(procedure)) effects.set(procedure, { procedure, effect, quote, term: effect === 'accept' ? termOf(text) : null });
  };
  for (const paragraph of paragraphsOf(text)) {
    const negated = NEGATION.test(paragraph);
    if (!negated && !ACCEPTANCE.test(paragraph)) continue;
    for (const clause of clausesOf(paragraph)) {
      const named = articlesNamed(clause);
      const byArticle = procedures.filter((p) => (p.articles ?? []).some((a) => named.has(a)));
      for (const p of byArticle) {
        if (negated && p.acceptance === 'party-unless-opted-out') add(p.id, 'opt-out', paragraph);
        else if (!negated && p.acceptance === 'declaration') add(p.id, 'accept', paragraph);
      }
      if (negated) continue;
      const described = sectionIsAbout.filter((p) => !byArticle.includes(p) && (sectionIsAbout.length === 1 || (p.wording?.test(clause) ?? false)));
      for (const p of described) if (p.acceptance === 'declaration' && (byArticle.length === 0 || sectionIsAbout.length > 1)) add(p.id, 'accept', paragraph);
    }
  }
  return [...effects.values()];
}
