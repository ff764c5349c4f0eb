// A sentence of the dictionaries with elements in its placeholders ({name}), for values that
// need their own markup inside the text: a code isolated from the text around it (<bdi>), an
// English phrase marked lang="en". Strings are used as they are.
import { Fragment, type ReactNode } from 'react';

export function Template({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const pieces = text.split(/\{(\w+)\}/g);
  // split with a capture group alternates text and placeholder names: even indexes are text.
  // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed text, in order; a name may appear twice
  return <>{pieces.map((piece, i) => (i % 2 === 0 ? piece : <Fragment key={i}>{parts[piece] ?? `{${piece}}`}</Fragment>))}</>;
}
