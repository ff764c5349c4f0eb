// Temporary: English words until this language's text is written.
import { en } from './en.ts';
import type { Phrases } from './types.ts';

export const es: Phrases = { ...en };
