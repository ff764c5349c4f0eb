// Sub-paragraph levels: a roman label under an open letter item is its child, but "(i)" right
// after "(h)" is the letter i (and "(v)" after "(u)", "(x)" after "(w)").
import type { RawOperative, RawSub } from './structure.ts';

const ROMAN = /^[ivxl]+$/;

/**
 * Places a sub-paragraph at its level. Digits are OCR misreadings ("(1)" for "(i)", "(5)" for
 * "(b)"): they are kept as read here, and the caller relabels them with a doubt.
 */
export function placeSub(op: RawOperative, sub: RawSub): void {
  const top = op.subs[op.subs.length - 1];
  const label = sub.label;
  if (label === '—' || !top) {
    op.subs.push(sub);
    return;
  }
  const letterI = (item: RawSub) => item.label === 'i' && op.subs[op.subs.indexOf(item) - 1]?.label === 'h';
  const continuesLetters = (label === 'i' && top.label === 'h') || (label === 'v' && top.label === 'u') || (label === 'x' && top.label === 'w');
  if (ROMAN.test(label) && !continuesLetters) {
    const topIsLetter = /^[a-z]$/.test(top.label) && (top.label !== 'i' || letterI(top)) && top.label !== 'v' && top.label !== 'x';
    const romanRun = top.children.length > 0 && ROMAN.test(top.children[top.children.length - 1]?.label ?? '');
    if (topIsLetter || (romanRun && /^[a-z]$/.test(top.label))) {
      top.children.push(sub);
      return;
    }
  }
  op.subs.push(sub);
}
