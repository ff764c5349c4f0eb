// The shape of a resolution read from its plain text. Nothing here is guessed: a field the text
// does not state is null, and whatever the parser was unsure about is listed in `doubts`.

export interface Doubt {
  /** Where: "header", "preamble 3", "operative 13", "footnotes"… */
  where: string;
  why: string;
}

export interface FootnoteRef {
  /** The marker as printed: "1", "2". */
  marker: string;
  /** The footnote's text when the text carries it, else null. */
  text: string | null;
  /** Document symbols the footnote cites. */
  symbols?: string[];
}

export interface SubParagraph {
  /** "(a)", "(i)", "—" for an em-dash item. */
  label: string;
  text: string;
  footnotes: FootnoteRef[];
  children: SubParagraph[];
}

export interface PreambularParagraph {
  text: string;
  footnotes: FootnoteRef[];
  /** The section heading the paragraph sits under, when a section has its own preamble. */
  section?: string | null;
}

export interface OperativeParagraph {
  /** The printed number, or null for an unnumbered paragraph. */
  number: number | null;
  /** Canonical form of the opening verb ("Welcomes", "Calls upon"), or null when not recognised. */
  verb: string | null;
  /** The opening words as written ("Also welcomes", "Takes note with satisfaction"). */
  verbPhrase: string | null;
  /**
   * Whom the paragraph asks something of, when it opens "Requests the Secretary-General to…",
   * in canonical form ("Member States" for "all Member States", "the Office of the High
   * Commissioner" for "the Office of the United Nations High Commissioner for Human Rights").
   */
  addressee: string | null;
  /** The addressee as the text writes it ("all Member States"). */
  addresseeAsWritten?: string | null;
  /** Each addressee of a list, canonical: "the Secretary-General", "the United Nations High Commissioner for Human Rights". */
  addressees?: string[];
  /** "sixty-first session" or a date, when the paragraph names one for what it asks. */
  deadline: string | null;
  /** Requests made later in the paragraph: "Recalls …, and requests the Secretary-General to …". */
  furtherAsks?: { verb: string; addressee: string | null; addresseeAsWritten: string | null; deadline: string | null }[];
  /** The section heading the paragraph sits under ("A", "I"), when the resolution has sections. */
  section: string | null;
  /** An unnumbered heading printed just before the paragraph inside a section ("Budget estimates for …"). */
  subheading?: string | null;
  /** Text of the paragraph's opening part, before any sub-paragraph, markers removed. */
  text: string;
  subParagraphs: SubParagraph[];
  footnotes: FootnoteRef[];
}

export interface Footnote {
  marker: string;
  text: string;
  /** Document symbols the footnote cites ("A/59/323", "E/2004/23"). */
  symbols?: string[];
}

export interface CitedResolution {
  /** "32/127", "1325 (2000)", "1993/51", "169 (II)". */
  number: string;
  /** The body when the text names it before "resolution": "Commission on Human Rights". */
  body: string | null;
  date: string | null;
}

/** What the heading and closing lines state; each null when the text does not print it. */
export interface Header {
  body: string | null;
  session: number | null;
  /** Only when the text prints it; never invented. */
  symbol: string | null;
  title: string | null;
  /** ISO date of adoption, when stated. */
  date: string | null;
  meeting: string | null;
}

/** A Security Council vote as its line states it; a count the line does not state is null. */
export interface Vote {
  inFavour: number | null;
  against: number | null;
  abstentions: number | null;
  unanimous: boolean;
  /** The vote line as printed (markers removed). */
  raw: string;
  /** Footnotes cited by the vote line ("One member … did not participate"). */
  footnotes?: FootnoteRef[];
}

export interface ParsedResolution extends Header {
  /** The resolution's number as printed in its heading: "242 (1967)", "80/212". */
  resolutionNumber?: string | null;
  /** Section headings in order, with their titles when printed ("I", "Legislative activities"). */
  sections?: { label: string; title: string | null }[];
  /** Security Council: the vote line ("Adopted … by 13 votes to none, with 2 abstentions"). */
  vote?: Vote | null;
  name: string | null;
  preamble: PreambularParagraph[];
  operative: OperativeParagraph[];
  /** Text after the meeting line: annexes, and declarations adopted by the resolution. */
  annexes: { heading: string; text: string; footnotes?: FootnoteRef[] }[];
  footnotes: Footnote[];
  documentSymbols: string[];
  resolutionsCited: CitedResolution[];
  doubts: Doubt[];
}
