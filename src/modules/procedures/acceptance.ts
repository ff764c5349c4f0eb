// Whether a State is under a procedure at a date, and what that rests on. The acts come from
// three places: the UN Treaty Collection's declaration texts (read by read-declaration.ts), the
// acts its end notes narrate (withdrawals of opt-outs, transcribed in
// data/reference/procedure-acts.csv with the sentence quoted), and the regional declarations
// of data/reference/instrument-parties (with a procedure id). A declaration the page prints
// without a date was made with the State's consent to be bound (the page's section says so),
// so it takes that date.
import { firstDay } from '../../shared/dates.ts';
import { groupOf, type TreatyAction } from '../treaty-status/actions.ts';
import type { TreatyModel } from '../treaty-status/model.ts';
import type { ResolvedPair } from '../treaty-status/resolve.ts';
import { statusAt } from '../treaty-status/status-at.ts';
import { actsBy } from '../treaty-status/status.ts';
import { isProcedureDeclaration, type ProcedureEffect, type ProcedureStatus, type TreatyStatus } from '../../shared/vocabularies.ts';
import { articlesNamed, readDeclaration } from './read-declaration.ts';
import { PROCEDURES, type Procedure } from './catalogue.ts';
import type { ProcedureNoteAct } from './note-acts.ts';

export interface ProcedureAct {
  procedure: string;
  participant: string;
  effect: ProcedureEffect;
  /** The day it was made; for a declaration made with the consent to be bound, that consent's day. */
  date: string | null;
  /** True when the date is the consent's, the text itself being undated. */
  dateFromConsent: boolean;
  /** For an acceptance made for a period: the day it lapses. */
  expires: string | null;
  /** The words it was read from. */
  quote: string;
  sourceIds: string[];
  origin: { collection: string; dataset: string; file: string; row: number; column: string | null };
}

export interface ProcedureAt {
  procedure: string;
  status: ProcedureStatus;
  /** The State's status under the procedure's instrument at that date. */
  treatyStatus: TreatyStatus;
  /** The act in effect, if any (the acceptance, opt-out or withdrawal). */
  act: ProcedureAct | null;
  /** Accepted since (or opted out since). */
  since: string | null;
}

const UNTC_PAGES = 'untc-html';

function consentDay(pair: ResolvedPair | undefined): string | null {
  if (!pair) return null;
  const consents = actsBy(pair, '9999-12-31', ['consent']).filter((a) => a.date !== null);
  return consents.at(-1)?.date ?? null;
}

/** The day an acceptance made for a period lapses: that many years from the day the text says
 *  it runs from, else from the day it was made. */
function lapseOf(term: { years: number; from: string | null } | null, made: string | null): string | null {
  const start = term?.from ?? made;
  if (!term || !start || start.length !== 10) return null;
  return `${Number(start.slice(0, 4)) + term.years}${start.slice(4)}`;
}

function originOf(a: TreatyAction): ProcedureAct['origin'] {
  return { collection: a.origin.collection, dataset: a.origin.dataset, file: a.origin.file, row: a.origin.row, column: a.origin.column };
}

/** Acts read from the UN pages' texts of one State under one instrument. */
function actsFromTexts(pair: ResolvedPair, procedures: Procedure[]): ProcedureAct[] {
  const consent = consentDay(pair);
  return pair.texts
    .filter((t) => t.origin.collection === UNTC_PAGES && t.text !== null)
    .flatMap((t) => {
      const section = t.kind === 'declarations-under-article' ? articlesNamed(t.origin.column ?? '') : new Set<string>();
      const about = procedures.filter((p) => (p.articles ?? []).some((a) => section.has(a)));
      return readDeclaration(t.text!, procedures, about).map((e) => ({
        procedure: e.procedure,
        participant: pair.participant,
        effect: e.effect,
        date: t.date ?? consent,
        dateFromConsent: t.date === null,
        quote: e.quote,
        expires: lapseOf(e.term, t.date ?? consent),
        sourceIds: t.origin.sourceIds,
        origin: originOf(t),
      }));
    });
}

/** Regional declarations recorded with their procedure. */
function actsFromDeclarations(pair: ResolvedPair, procedure: Procedure): ProcedureAct[] {
  return pair.actions
    .filter((a) => isProcedureDeclaration(a.kind) && a.procedure === procedure.id)
    .map((a) => ({
      procedure: procedure.id,
      participant: pair.participant,
      effect: a.kind === 'declaration-accept' ? ('accept' as const) : ('withdraw-acceptance' as const),
      date: a.effective ?? a.date,
      dateFromConsent: false,
      quote: a.note ?? '',
      expires: null,
      sourceIds: a.origin.sourceIds,
      origin: originOf(a),
    }));
}

function fromNotes(notes: ProcedureNoteAct[], pair: ResolvedPair | undefined): ProcedureAct[] {
  const consent = consentDay(pair);
  return notes.map((n) => ({
    procedure: n.procedure,
    participant: n.iso3,
    effect: n.effect,
    date: n.date ?? consent,
    dateFromConsent: n.date === null,
    quote: n.quote,
    expires: null,
    sourceIds: n.sourceIds,
    origin: { collection: 'reference', dataset: 'reference:procedure-acts', file: 'data/reference/procedure-acts.csv', row: n.row, column: 'quote' },
  }));
}

/** Every act of a State on a procedure, oldest first. */
export function procedureActs(model: TreatyModel, procedure: Procedure, participant: string, notes: ProcedureNoteAct[]): ProcedureAct[] {
  const pair = model.pairs.get(procedure.instrument)?.get(participant);
  const siblings = PROCEDURES.filter((p) => p.instrument === procedure.instrument && p.system === 'un');
  const read = !pair ? [] : procedure.system === 'un' ? actsFromTexts(pair, siblings) : actsFromDeclarations(pair, procedure);
  const noted = fromNotes(
    notes.filter((n) => n.procedure === procedure.id && n.iso3 === participant),
    pair,
  );
  return [...read.filter((a) => a.procedure === procedure.id), ...noted].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** What the procedure's own clauses say of it at a date, apart from any State: whether it
 *  operates yet (the instrument in force; for some clauses, enough declarations). */
export interface ProcedureContext {
  /** The instrument's entry into force (the registry's), null when not known. */
  instrumentInForce: string | null;
  /** For a clause that operates only once enough States accept it: whether they have by asOf. */
  thresholdMet: boolean;
  /** The day up to which the UN Treaty Collection pages list every declaration. */
  pagesAsOf: string | null;
}

/** A party, or a State whose only doubt is the day it became one (not whether it left). */
function isParty(treaty: ReturnType<typeof statusAt>): boolean {
  if (treaty.status === 'party') return true;
  return treaty.status === 'uncertain' && treaty.deciding !== null && 'kind' in treaty.deciding && groupOf(treaty.deciding.kind) === 'consent';
}

export function procedureAt(model: TreatyModel, procedure: Procedure, participant: string, asOf: string, acts: ProcedureAct[], context: ProcedureContext): ProcedureAt {
  const treaty = statusAt(model, procedure.instrument, participant, asOf);
  const base = { procedure: procedure.id, treatyStatus: treaty.status };
  if (treaty.status === 'uncertain' && !isParty(treaty)) return { ...base, status: 'noData', act: null, since: null };
  if (!isParty(treaty)) return { ...base, status: treaty.status === 'noData' ? 'noData' : 'notParty', act: null, since: null };
  if (procedure.until && asOf > procedure.until) return { ...base, status: 'superseded', act: null, since: null };
  if ((context.instrumentInForce !== null && asOf < firstDay(context.instrumentInForce)) || !context.thresholdMet) {
    return { ...base, status: 'notInForce', act: null, since: null };
  }
  // An act whose day is unknown cannot be placed before or after asOf.
  if (acts.some((a) => a.date === null)) return { ...base, status: 'noData', act: acts.find((a) => a.date === null) ?? null, since: null };
  const done = acts.filter((a) => a.date !== null && firstDay(a.date) <= asOf);
  const partySince = treaty.deciding && 'date' in treaty.deciding ? (treaty.deciding.effective ?? treaty.deciding.date) : null;
  if (procedure.acceptance === 'party') return { ...base, status: 'accepted', act: null, since: partySince };
  if (procedure.acceptance === 'party-unless-opted-out') {
    const last = done.filter((a) => a.effect === 'opt-out' || a.effect === 'withdraw-opt-out').at(-1);
    if (last?.effect === 'opt-out') return { ...base, status: 'optedOut', act: last, since: last.date };
    return { ...base, status: 'accepted', act: last ?? null, since: last?.date ?? partySince };
  }
  const last = done.filter((a) => a.effect === 'accept' || a.effect === 'withdraw-acceptance').at(-1);
  // An acceptance made for a period lapses at its end: the State is then as one that made none.
  if (last?.effect === 'accept' && last.expires !== null && last.expires <= asOf) return { ...base, status: 'notAccepted', act: last, since: last.expires };
  if (last?.effect === 'accept') return { ...base, status: 'accepted', act: last, since: last.date };
  if (last?.effect === 'withdraw-acceptance') return { ...base, status: 'withdrawn', act: last, since: last.date };
  // No declaration: a fact only where the depositary's pages list every declaration, up to
  // their date. No regional source Accord holds is known to list every declaration.
  const listed = procedure.system === 'un' && context.pagesAsOf !== null && asOf <= context.pagesAsOf;
  return { ...base, status: listed ? 'notAccepted' : 'noData', act: null, since: null };
}
