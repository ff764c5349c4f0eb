// Funding agreements as the API shows them: each with its sources and their kinds, its version
// and who may see it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { RecordOrigin } from '../../shared/vocabularies.ts';
import { accessView } from '../edits/access.ts';
import { loadSourcesOf, type SourceView } from '../sources/repository.ts';
import { parseIds, resolveSources } from '../sources/service.ts';
import { type AgreementRow, findAgreement, listAgreements } from './repository.ts';
import type { AgreementView } from './schema.ts';

function view(row: AgreementRow, sources: Map<string, SourceView>): AgreementView {
  return {
    id: row.id,
    title: row.title,
    reference: row.reference,
    donor: { name: row.donor_name, ref: row.donor_ref, type: row.donor_type },
    signed: row.signed,
    startDate: row.start_date,
    endDate: row.end_date,
    amount: row.amount,
    currency: row.currency,
    ...resolveSources(parseIds(row.sources), sources),
    version: row.row_version,
    origin: row.origin as RecordOrigin,
    ...accessView(row),
  };
}

export async function agreementViews(db: Kysely<Database>): Promise<AgreementView[]> {
  const rows = await listAgreements(db);
  const sources = await loadSourcesOf(
    db,
    rows.flatMap((r) => parseIds(r.sources)),
  );
  return rows.map((r) => view(r, sources));
}

export async function agreementView(db: Kysely<Database>, id: string): Promise<AgreementView> {
  const row = await findAgreement(db, id);
  if (!row) throw new NotFoundError('funding agreement', id);
  return view(row, await loadSourcesOf(db, parseIds(row.sources)));
}
