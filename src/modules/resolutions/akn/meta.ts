// The <meta> block: FRBR identification after AKN4UN (naming.ts), the organisations it refers to,
// notes that say what the export could not state (no symbol, no adoption date, the parser's
// doubts), and Accord's own record of the identifier's status in <proprietary>.
import type { Footnote, ParsedResolution } from '../parse/types.ts';
import type { Ids } from './body.ts';
import type { Naming } from './naming.ts';
import { el, text } from './xml.ts';

/** FRBRdate must hold an xsd:date. When the text states no adoption date this value stands in,
 *  named "unknown-adoption-date" so that nobody can read it as a date the text gives; the IRI
 *  says "undated" instead of a date. */
export const UNKNOWN_DATE = '0001-01-01';
export const ACCORD_NS = 'urn:accord:akn-export';

function frbrDate(naming: Naming): string {
  return naming.date ? el('FRBRdate', { date: naming.date, name: 'adoption' }) : el('FRBRdate', { date: UNKNOWN_DATE, name: 'unknown-adoption-date' });
}

/** The FRBR block of the resolution ("main") or of one of its annexes ("annex_1"), which share the work;
 *  `title`: the resolution's title as printed, if any. */
export function identification(naming: Naming, component: string, markupDate: string, title: string | null): string {
  const { work, expression } = naming;
  const author = el('FRBRauthor', { href: `#${naming.actor.code}`, as: '#author' });
  const alias = naming.official ? el('FRBRalias', { name: 'symbol', value: naming.symbol }) : el('FRBRalias', { name: 'unofficial-local-identifier', value: naming.localKey });
  return el(
    'identification',
    { source: '#accord' },
    el(
      'FRBRWork',
      {},
      el('FRBRthis', { value: `${work}/!${component}` }),
      el('FRBRuri', { value: work }),
      alias,
      frbrDate(naming),
      author,
      el('FRBRcountry', { value: 'un' }),
      el('FRBRsubtype', { value: 'deliberation' }),
      el('FRBRnumber', { value: naming.number.value, showAs: naming.number.showAs }),
      title ? el('FRBRname', { value: title }) : '',
    ),
    el(
      'FRBRExpression',
      {},
      el('FRBRthis', { value: `${expression}/!${component}` }),
      el('FRBRuri', { value: expression }),
      frbrDate(naming),
      author,
      el('FRBRlanguage', { language: naming.language }),
    ),
    el(
      'FRBRManifestation',
      {},
      el('FRBRthis', { value: `${expression}/!${component}.xml` }),
      el('FRBRuri', { value: `${expression}.xml` }),
      el('FRBRdate', { date: markupDate, name: 'markup' }),
      el('FRBRauthor', { href: '#accord', as: '#editor' }),
      el('FRBRformat', { value: 'xml' }),
    ),
  );
}

export function references(naming: Naming): string {
  return el(
    'references',
    { source: '#accord' },
    el('TLCOrganization', { eId: naming.actor.code, href: `/akn/ontology/organization/un/${naming.actor.code}`, showAs: naming.actor.showAs }),
    el('TLCOrganization', { eId: 'accord', href: '/akn/ontology/organization/accord', showAs: 'Accord (automatic conversion of the plain text)' }),
    el('TLCRole', { eId: 'author', href: '/akn/ontology/role/author', showAs: 'Author' }),
    el('TLCRole', { eId: 'editor', href: '/akn/ontology/role/editor', showAs: 'Editor' }),
  );
}

/** What a reader must know about this export: unofficial identifier, missing date, doubts. */
export function notes(doc: ParsedResolution, naming: Naming, unplaced: Footnote[], ids: Ids): string {
  const said: [string, string][] = [];
  if (!naming.official) {
    said.push([
      'note_noSymbol',
      `The text states no document symbol. ${naming.localKey} and the IRIs built on ${naming.number.value} are local identifiers given by Accord, not official United Nations symbols.`,
    ]);
  }
  if (!naming.date) {
    said.push(['note_noDate', `The text states no adoption date: FRBRdate ${UNKNOWN_DATE} named "unknown-adoption-date" is a placeholder the schema requires, not a date.`]);
  }
  if (doc.operative.length === 0) said.push(['note_noOperative', 'No operative paragraph was read from the text; the empty paragraph in mainBody stands in for them.']);
  // Footnotes whose marker was found in no paragraph (a heading's, an annex's): kept here, not lost.
  unplaced.forEach((f, i) => {
    said.push([`note_footnote_${i + 1}`, `Footnote ${f.marker} of the text, whose marker was not found in a paragraph: ${f.text}`]);
  });
  doc.doubts.forEach((d, i) => {
    said.push([`note_doubt_${i + 1}`, `Doubt of the text reader (${d.where}): ${d.why}`]);
  });
  if (said.length === 0) return '';
  return el('notes', { source: '#accord' }, ...said.map(([eId, words]) => el('note', { eId: ids.take(eId) }, el('p', {}, text(words)))));
}

/** Accord's own record: whether the identifier is official, read by Accord's tools. */
export function proprietary(naming: Naming): string {
  return el(
    'proprietary',
    { source: '#accord' },
    el('accord:identifier', {
      'xmlns:accord': ACCORD_NS,
      status: naming.official ? 'official-symbol' : 'unofficial-local',
      key: naming.official ? naming.symbol : naming.localKey,
      adoptionDate: naming.date ? 'stated' : 'not-stated',
    }),
  );
}
