// Acts a UNTC end note narrates about the participant it is attached to: a denunciation (the
// day the Secretary-General was notified, and the day it takes effect when the note says so),
// an earlier accession the table no longer shows, a re-accession. Only the note's first
// paragraph narrates the participant's own acts (what follows quotes other States'
// objections), and only sentences whose subject is "the Government of <participant>" are
// read, so a note about a predecessor State ("Czechoslovakia acceded …") gives nothing.
// Each act keeps the sentence it was read from.
import { foldParticipantName } from '../../modules/treaty-status/participants.ts';
import { readLongDate } from './page.ts';

export interface NoteAct {
  kind: 'denunciation' | 'accession';
  date: string;
  /** The day a denunciation takes effect, when the note gives it. */
  effective: string | null;
  /** The sentence, as printed. */
  quote: string;
}

const DATE = String.raw`(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})`;
const ON_DATE = new RegExp(String.raw`\b[Oo]n ${DATE}`);
const SAME_DATE = /\b[Oo]n (?:that|the) same (?:date|day)\b/;
const EFFECT = new RegExp(`with effect from ${DATE}`);
const DENOUNCES = /\bdenounce\b|\bdenunciation of\b/;
const ACCEDES = /\b(?:re-acceded|reacceded|acceded)\b/;

/** Sentences of a paragraph: a full stop followed by a space and a capital ends one. */
function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function isAbout(sentence: string, participant: string): boolean {
  const subject = /\b[Gg]overnment of (?:the )?(.+?) (?:had |has )?(?:notified|informed|acceded|re-acceded|reacceded|initially)\b/.exec(sentence);
  return subject !== null && foldParticipantName(subject[1]!) === foldParticipantName(participant.replace(/\s*\(.*\)$/, ''));
}

export function actsOfNote(note: string, participant: string): NoteAct[] {
  const first = note.split('\n')[0] ?? '';
  const acts: NoteAct[] = [];
  let lastDate: string | null = null;
  for (const sentence of sentences(first)) {
    const own = ON_DATE.exec(sentence);
    const date: string | null = own ? readLongDate(own[1]!) : SAME_DATE.test(sentence) ? lastDate : null;
    if (own && date) lastDate = date;
    if (!isAbout(sentence, participant)) continue;
    if (DENOUNCES.test(sentence) && date) {
      const effect = EFFECT.exec(sentence);
      acts.push({ kind: 'denunciation', date, effective: effect ? readLongDate(effect[1]!) : null, quote: sentence });
    } else if (ACCEDES.test(sentence)) {
      const when = date ?? readLongDate(new RegExp(`on ${DATE}`).exec(sentence)?.[1] ?? '');
      if (when) acts.push({ kind: 'accession', date: when, effective: null, quote: sentence });
    }
  }
  return acts;
}
