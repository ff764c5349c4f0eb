import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { RecordOrigin, System } from '../../shared/vocabularies.ts';
import { accessView } from '../edits/access.ts';
import { correctionViews } from '../edits/corrections.ts';
import { currentNames, nameCorrectionsOf } from '../edits/name-corrections.ts';
import { INSTRUMENT_FIELDS, INSTRUMENT_NAME_FIELDS } from './fields.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources } from '../sources/repository.ts';
import { provenance } from '../sources/service.ts';
import { findInstrument, listInstruments } from './repository.ts';
import type { InstrumentView } from './schema.ts';

type Row = Awaited<ReturnType<typeof listInstruments>>[number];

async function viewer(db: Kysely<Database>, lang: Lang) {
  const [names, sources] = await Promise.all([namesOf(db, 'instrument', lang), loadSources(db)]);
  const nameCorrections = await nameCorrectionsOf(db, 'instrument', INSTRUMENT_NAME_FIELDS, sources);
  return (row: Row): InstrumentView => ({
    code: row.code,
    title: names.get(row.code)?.name ?? row.code,
    titleLang: names.get(row.code)?.lang ?? 'en',
    titleSource: sources.get(names.get(row.code)?.sourceId ?? '') ?? null,
    shortTitle: names.get(row.code)?.acronym ?? null,
    shortTitleLang: names.get(row.code)?.acronymLang ?? null,
    kind: row.kind,
    binding: row.binding === 1,
    system: row.system as System,
    organization: row.organization_id,
    core: row.core === 1,
    untcRef: row.untc_ref,
    parent: row.parent_code,
    adopted: row.adopted,
    adoptedPlace: row.adopted_place,
    entryIntoForce: row.entry_into_force,
    depositary: row.depositary,
    note: row.note,
    ...provenance(row, sources),
    version: row.row_version,
    origin: row.origin as RecordOrigin,
    corrections: [...correctionViews(row, INSTRUMENT_FIELDS, sources), ...(nameCorrections.get(row.code) ?? [])],
    ...accessView(row),
  });
}

export async function listInstrumentViews(db: Kysely<Database>, lang: Lang): Promise<InstrumentView[]> {
  const [rows, view] = await Promise.all([listInstruments(db), viewer(db, lang)]);
  return rows.map(view);
}

export async function instrumentView(db: Kysely<Database>, code: string, lang: Lang): Promise<InstrumentView> {
  const row = await findInstrument(db, code);
  if (!row) throw new NotFoundError('instrument', code);
  return { ...(await viewer(db, lang))(row), names: await currentNames(db, 'instrument', row.code, INSTRUMENT_NAME_FIELDS) };
}
