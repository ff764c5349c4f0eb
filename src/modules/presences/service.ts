// Presences as the API shows them: each with the States it covers at a date (the periods that
// hold then, periods.ts), and, for one presence, every coverage period with its sources, version
// and corrections, so that an editor corrects what the shipped data say beside their sources.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import type { PresenceKind, RecordOrigin } from '../../shared/vocabularies.ts';
import { accessView } from '../edits/access.ts';
import { correctionViews } from '../edits/corrections.ts';
import { currentNames, nameCorrectionsOf } from '../edits/name-corrections.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
import { parseIds, provenance, resolveSources } from '../sources/service.ts';
import { COVERAGE_FIELDS, PRESENCE_FIELDS, PRESENCE_NAME_FIELDS } from './fields.ts';
import { holdsAt } from './periods.ts';
import { type CoverageRow, coveragePeriods, findPresence, listPresences, type PresenceRow } from './repository.ts';
import type { CoveragePeriodView, PresenceDetail, PresenceView } from './schema.ts';

const spanOf = (row: CoverageRow) => ({ from: row.from_date, until: row.until_date });

export function periodView(row: CoverageRow, sources: Map<string, SourceView>): CoveragePeriodView {
  return {
    seq: row.seq,
    iso3: row.iso3,
    from: row.from_date,
    until: row.until_date,
    note: row.note,
    ...resolveSources(parseIds(row.sources), sources),
    version: row.row_version,
    origin: row.origin as RecordOrigin,
    corrections: correctionViews(row, COVERAGE_FIELDS, sources),
    ...accessView(row),
  };
}

async function viewer(db: Kysely<Database>, lang: Lang, asOf: string) {
  const [names, sources, periods] = await Promise.all([namesOf(db, 'presence', lang), loadSources(db), coveragePeriods(db)]);
  const nameCorrections = await nameCorrectionsOf(db, 'presence', PRESENCE_NAME_FIELDS, sources);
  const byPresence = new Map<string, CoverageRow[]>();
  for (const p of periods) byPresence.set(p.presence_id, [...(byPresence.get(p.presence_id) ?? []), p]);
  const view = (row: PresenceRow): PresenceView => {
    const coverage = (byPresence.get(row.id) ?? []).flatMap((p) => {
      const held = holdsAt(spanOf(p), asOf);
      return held ? [{ seq: p.seq, iso3: p.iso3, from: p.from_date, until: p.until_date, uncertain: held.uncertain }] : [];
    });
    return {
      id: row.id,
      name: names.get(row.id)?.name ?? row.id,
      nameLang: names.get(row.id)?.lang ?? 'en',
      kind: row.kind as PresenceKind,
      seat: { city: row.seat_city, iso3: row.seat_iso3 },
      opened: row.opened,
      closed: row.closed,
      asOf,
      open: holdsAt({ from: row.opened, until: row.closed }, asOf) !== null,
      covers: [...new Set(coverage.map((c) => c.iso3))],
      coverage,
      mandate: row.mandate,
      ...provenance(row, sources),
      version: row.row_version,
      origin: row.origin as RecordOrigin,
      corrections: [...correctionViews(row, PRESENCE_FIELDS, sources), ...(nameCorrections.get(row.id) ?? [])],
      ...accessView(row),
    };
  };
  return { view, periodsOf: (id: string) => (byPresence.get(id) ?? []).map((p) => periodView(p, sources)) };
}

export async function listPresenceViews(db: Kysely<Database>, lang: Lang, asOf: string): Promise<PresenceView[]> {
  const [rows, { view }] = await Promise.all([listPresences(db), viewer(db, lang, asOf)]);
  return rows.map(view);
}

export async function presenceView(db: Kysely<Database>, id: string, lang: Lang, asOf: string): Promise<PresenceDetail> {
  const row = await findPresence(db, id);
  if (!row) throw new NotFoundError('presence', id);
  const { view, periodsOf } = await viewer(db, lang, asOf);
  return { ...view(row), periods: periodsOf(row.id), names: await currentNames(db, 'presence', row.id, PRESENCE_NAME_FIELDS) };
}
