import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { RecordOrigin, System } from '../../shared/vocabularies.ts';
import { accessView } from '../edits/access.ts';
import { correctionViews } from '../edits/corrections.ts';
import { currentNames, nameCorrectionsOf } from '../edits/name-corrections.ts';
import { MECHANISM_FIELDS, MECHANISM_NAME_FIELDS } from './fields.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources } from '../sources/repository.ts';
import { provenance } from '../sources/service.ts';
import { findMechanism, listMechanisms, type MechanismRow } from './repository.ts';
import type { MechanismView } from './schema.ts';

async function viewer(db: Kysely<Database>, lang: Lang) {
  const [names, sources] = await Promise.all([namesOf(db, 'mechanism', lang), loadSources(db)]);
  const nameCorrections = await nameCorrectionsOf(db, 'mechanism', MECHANISM_NAME_FIELDS, sources);
  return (row: MechanismRow): MechanismView => ({
    code: row.code,
    name: names.get(row.code)?.name ?? row.code,
    nameLang: names.get(row.code)?.lang ?? 'en',
    nameSource: sources.get(names.get(row.code)?.sourceId ?? '') ?? null,
    acronym: names.get(row.code)?.acronym ?? null,
    kind: row.kind,
    system: row.system as System,
    organization: row.organization_id,
    seat: { city: row.seat_city, iso3: row.seat_iso3 },
    establishingInstrument: row.establishing_instrument,
    established: row.established,
    individualComplaints: row.individual_complaints === 1,
    individualComplaintsNote: row.individual_complaints_note,
    coverage: {
      basis: row.coverage_basis as MechanismView['coverage']['basis'],
      organization: row.coverage_organization,
      instruments: row.coverage_instrument ? row.coverage_instrument.split(',') : [],
      acceptanceNeededFor: row.coverage_acceptance as MechanismView['coverage']['acceptanceNeededFor'],
      acceptance: row.coverage_acceptance_text,
    },
    note: row.note,
    ...provenance(row, sources),
    version: row.row_version,
    origin: row.origin as RecordOrigin,
    corrections: [...correctionViews(row, MECHANISM_FIELDS, sources), ...(nameCorrections.get(row.code) ?? [])],
    ...accessView(row),
  });
}

export async function listMechanismViews(db: Kysely<Database>, lang: Lang): Promise<MechanismView[]> {
  const [rows, view] = await Promise.all([listMechanisms(db), viewer(db, lang)]);
  return rows.map(view);
}

export async function mechanismView(db: Kysely<Database>, code: string, lang: Lang): Promise<MechanismView> {
  const row = await findMechanism(db, code);
  if (!row) throw new NotFoundError('mechanism', code);
  return { ...(await viewer(db, lang))(row), names: await currentNames(db, 'mechanism', row.code, MECHANISM_NAME_FIELDS) };
}
