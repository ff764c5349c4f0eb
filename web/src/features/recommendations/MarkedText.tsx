// A text in parts, some marked (<mark>): the words a search found, or those the recogniser read
// an instrument from. Each part is a string that React writes as text, never as markup.
import { Fragment } from 'react';
import type { TextPart } from './highlight.ts';

export function MarkedText({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered
          <mark key={i}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
