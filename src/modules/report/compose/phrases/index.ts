// The report's words in each of the six languages.
import type { ReportLanguage } from '../../document/model.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ru } from './ru.ts';
import { zh } from './zh.ts';
import type { Phrases } from './types.ts';

export const PHRASES: Record<ReportLanguage, Phrases> = { ar, en, es, fr, ru, zh };
