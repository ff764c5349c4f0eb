// The seed's writes: every table of the registry from the reference data, inside the seed's
// transaction. Entities are upserted and their child rows replaced, so seeding twice leaves
// the same rows. What users entered is never overwritten nor deleted: records they created
// (origin `user`), fields they corrected (kept in the row, the new seeded value refreshed in
// the correction), the sources they added (`user:` ids), and the treaty actions of their
// datasets (`edit:<instrument>`), with the instruments and organizations those name.
import { createHash } from 'node:crypto';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { mergeSeeded, type EditableRow } from '../modules/edits/corrections.ts';
import { USER_SOURCE_PREFIX } from '../modules/edits/source.ts';
import { replaceRules } from '../modules/rules/repository.ts';
import { writeShippedEvents } from '../modules/events/seed/repository.ts';
import { writeShippedExchanges } from '../modules/exchanges/seed/repository.ts';
import { writeShippedObstacles } from '../modules/obstacles/seed/repository.ts';
import { foldForSearch, type Lang } from '../shared/text.ts';
import type { LocalizedText } from './schemas.ts';
import { referenceDatasetSource, type ReferenceData, type Source } from './load.ts';

type Trx = Transaction<Database>;

const CHUNK = 200;

async function insertChunks<T extends keyof Database & string>(trx: Trx, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot type an insert into a table chosen by a type parameter
    const chunk = rows.slice(i, i + CHUNK) as any;
    await trx.insertInto(table).values(chunk).execute();
  }
}

type Table = keyof Database & string;
type EditableTable = 'organization' | 'instrument' | 'mechanism' | 'presence';

/** The rows of an editable table the seed must not replace: a user's records and corrected ones. */
async function userRows(trx: Trx, table: EditableTable): Promise<(EditableRow & Record<string, unknown>)[]> {
  return trx
    .selectFrom(table)
    .selectAll()
    .where((eb) => eb.or([eb('origin', '<>', 'reference'), eb('corrections', '<>', '{}')]))
    .execute();
}

/** For an editable table: the seeded rows with users' corrections kept, none over a user's own
 *  record; and the keys of the rows users hold, which the seed never deletes. */
async function withUserEdits<T extends Table>(trx: Trx, table: EditableTable, key: string, rows: Insertable<Database[T]>[]): Promise<{ rows: Insertable<Database[T]>[]; kept: string[] }> {
  const stored = new Map((await userRows(trx, table)).map((r) => [r[key] as string, r]));
  const merged = rows.flatMap((row) => {
    const mine = stored.get((row as unknown as Record<string, unknown>)[key] as string);
    if (!mine) return [{ ...row, corrections: '{}' }];
    return mine.origin === 'reference' ? [mergeSeeded(row as unknown as { sources: string }, mine) as unknown as Insertable<Database[T]>] : [];
  });
  return { rows: merged, kept: [...stored.keys()] };
}

/** Upserts rows by primary key, then deletes the rows of that table no longer in the data
 *  (except those named in alsoKeep). An editable table keeps users' records and corrections,
 *  and every seeded record gets a new version (an update that read the old one must read again). */
async function replaceTable<T extends Table>(trx: Trx, table: T, key: string, given: Insertable<Database[T]>[], alsoKeep: string[] = []): Promise<void> {
  const editable = table === 'organization' || table === 'instrument' || table === 'mechanism' || table === 'presence';
  const { rows, kept } = editable ? await withUserEdits(trx, table, key, given) : { rows: given, kept: [] };
  const keys = rows.map((r) => (r as unknown as Record<string, unknown>)[key] as string);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const columns = Object.keys(chunk[0] as object).filter((c) => c !== key);
    // biome-ignore lint/suspicious/noExplicitAny: the builders of an insert into a table chosen by a type parameter
    const set: Record<string, any> = Object.fromEntries(columns.map((c) => [c, (eb: any) => eb.ref(`excluded.${c}`)]));
    if (editable) set.row_version = sql`${sql.ref(table)}.row_version + 1`;
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot type an insert into a table chosen by a type parameter (nor its key and columns)
    await (trx.insertInto(table) as any)
      .values(chunk)
      // biome-ignore lint/suspicious/noExplicitAny: the builders of that untyped insert
      .onConflict((oc: any) => oc.column(key).doUpdateSet(set))
      .execute();
  }
  // biome-ignore lint/suspicious/noExplicitAny: as above, a delete from a table chosen by a type parameter
  let remove = trx.deleteFrom(table) as any;
  const keep = [...keys, ...alsoKeep, ...kept];
  if (keep.length > 0) remove = remove.where(key, 'not in', keep);
  await remove.execute();
}

/** The membership events users entered or corrected, by organization, State and position. */
async function userMembershipEvents(trx: Trx) {
  const rows = await trx
    .selectFrom('membership_event')
    .selectAll()
    .where((eb) => eb.or([eb('origin', '<>', 'reference'), eb('corrections', '<>', '{}')]))
    .execute();
  return new Map(rows.map((r) => [`${r.organization_id}\u0000${r.iso3}\u0000${r.seq}`, r]));
}

/** The seeded membership events: a corrected one keeps the user's fields, one a user holds the place of is left out. */
async function seedMembershipEvents(trx: Trx, rows: Insertable<Database['membership_event']>[], kept: Awaited<ReturnType<typeof userMembershipEvents>>): Promise<void> {
  const fresh: typeof rows = [];
  for (const row of rows) {
    const mine = kept.get(`${row.organization_id}\u0000${row.iso3}\u0000${row.seq}`);
    if (!mine) fresh.push(row);
    else if (mine.origin === 'reference') {
      const { organization_id, iso3, seq, ...merged } = mergeSeeded({ ...row, sources: row.sources }, mine);
      await trx
        .updateTable('membership_event')
        .set({ ...merged, row_version: sql`row_version + 1` })
        .where('organization_id', '=', organization_id)
        .where('iso3', '=', iso3)
        .where('seq', '=', seq)
        .execute();
    }
  }
  await insertChunks(trx, 'membership_event', fresh);
}

/** The coverage periods users entered or corrected: the seed keeps them. */
async function userCoveragePeriods(trx: Trx) {
  return trx
    .selectFrom('presence_coverage')
    .selectAll()
    .where((eb) => eb.or([eb('origin', '<>', 'reference'), eb('corrections', '<>', '{}')]))
    .execute();
}

/** The shipped coverage periods: each State a presence covers (data/reference gives the list, not
 *  the date each State came under it) from the presence's opening to its closing, with its sources;
 *  an unknown opening stays an unknown start. Numbered per presence in the order of the States'
 *  codes, as migration 019 numbered them. A shipped period a user corrected is matched by its
 *  presence and State, keeps the user's fields and gets the new shipped ones beside them; new
 *  periods take the numbers no kept period holds. */
async function seedCoveragePeriods(trx: Trx, data: ReferenceData, kept: Awaited<ReturnType<typeof userCoveragePeriods>>): Promise<void> {
  const corrected = new Map(kept.filter((r) => r.origin === 'reference').map((r) => [`${r.presence_id}\u0000${r.iso3}`, r]));
  const fresh: Insertable<Database['presence_coverage']>[] = [];
  for (const p of data.presences) {
    const taken = new Set(kept.filter((r) => r.presence_id === p.id).map((r) => r.seq));
    let next = 1;
    for (const iso3 of [...new Set(p.covers)].sort()) {
      const row = { from_date: p.opened, until_date: p.closed, note: null, sources: json(p.sources) };
      const mine = corrected.get(`${p.id}\u0000${iso3}`);
      if (mine) {
        await trx
          .updateTable('presence_coverage')
          .set({ ...mergeSeeded(row, mine), row_version: sql`row_version + 1` })
          .where('presence_id', '=', p.id)
          .where('seq', '=', mine.seq)
          .execute();
        continue;
      }
      while (taken.has(next)) next++;
      taken.add(next);
      fresh.push({ presence_id: p.id, seq: next, iso3, ...row });
    }
  }
  await insertChunks(trx, 'presence_coverage', fresh);
}

/** Sources users added, and the instruments and organizations users' records name: never deleted by the seed. */
async function namedByUsers(trx: Trx, kept: Awaited<ReturnType<typeof userMembershipEvents>>) {
  const [sources, instruments] = await Promise.all([
    trx.selectFrom('source').select('id').where('id', 'like', `${USER_SOURCE_PREFIX}%`).execute(),
    trx.selectFrom('treaty_action').select('instrument_code').distinct().where('dataset_id', 'not like', 'reference:%').execute(),
  ]);
  return {
    sources: sources.map((r) => r.id),
    instruments: instruments.map((r) => r.instrument_code),
    organizations: [...new Set([...kept.values()].map((e) => e.organization_id))],
  };
}

/** The source of one name: its own, when the reference file names one ("title.fr"), else the entity's first. */
function nameSource(entity: { sources: string[]; nameSources?: Record<string, string> }, field: string): (lang: string) => string | null {
  return (lang) => entity.nameSources?.[`${field}.${lang}`] ?? entity.sources[0] ?? null;
}

function nameRows(
  kind: string,
  id: string,
  text: LocalizedText | null | undefined,
  nameKind: string,
  sourceId: string | null | ((lang: string) => string | null),
): Insertable<Database['entity_name']>[] {
  if (!text) return [];
  return Object.entries(text)
    .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
    .map(([lang, value]) => ({
      entity_kind: kind,
      entity_id: id,
      lang: lang as Lang,
      kind: nameKind,
      value: value as string,
      search_text: foldForSearch(value as string),
      priority: 1,
      source_id: typeof sourceId === 'function' ? sourceId(lang) : sourceId,
    }));
}

const json = (value: unknown) => JSON.stringify(value ?? []);

function sourceRow(s: Source): Insertable<Database['source']> {
  return { id: s.id, title: s.title, url: s.url ?? '', retrieved: s.retrieved, kind: s.kind ?? null, as_of: s.asOf ?? null, copy_of: s.copyOf ?? null };
}

/** The shipped treaty actions, one dataset per instrument (`reference:ECHR`), like any imported dataset. */
async function seedReferenceActions(trx: Trx, data: ReferenceData): Promise<void> {
  const byInstrument = new Map<string, ReferenceData['treatyActions']>();
  for (const a of data.treatyActions) byInstrument.set(a.instrumentCode, [...(byInstrument.get(a.instrumentCode) ?? []), a]);
  for (const [code, actions] of byInstrument) {
    const file = `data/reference/instrument-parties/${code}.csv`;
    await trx
      .insertInto('import_dataset')
      .values({
        id: `reference:${code}`,
        kind: 'reference',
        label: file,
        content_hash: createHash('sha256').update(JSON.stringify(actions)).digest('hex'),
        imported_at: new Date().toISOString(),
        source_id: referenceDatasetSource(code).id,
        accepted: actions.length,
        rejected: 0,
        as_of: null,
      })
      .execute();
    await insertChunks(
      trx,
      'treaty_action',
      actions.map((a, seq) => ({
        dataset_id: `reference:${code}`,
        seq,
        instrument_code: code,
        participant_kind: 'state',
        participant_id: a.iso3,
        participant_name: a.iso3,
        kind: a.kind,
        date: a.date,
        effective: a.effective,
        text: null,
        note: a.note,
        sources: json(a.sourceIds),
        file,
        row: a.row,
        column: 'date',
        procedure: a.procedure,
      })),
    );
  }
}
const flag = (value: boolean) => (value ? 1 : 0);

/** Writes the reference data over what the last seed wrote; imported names and datasets stay. */
export async function writeReferenceData(trx: Trx, data: ReferenceData): Promise<void> {
  // Child rows first, so that entity deletions below never meet a foreign key.
  const keptEvents = await userMembershipEvents(trx);
  const users = await namedByUsers(trx, keptEvents);
  await trx.deleteFrom('membership_event').where('origin', '=', 'reference').where('corrections', '=', '{}').execute();
  const keptPeriods = await userCoveragePeriods(trx);
  await trx.deleteFrom('presence_coverage').where('origin', '=', 'reference').where('corrections', '=', '{}').execute();
  await trx.deleteFrom('treaty_action').where('dataset_id', 'like', 'reference:%').execute();
  await trx.deleteFrom('import_dataset').where('kind', '=', 'reference').execute();
  await trx.deleteFrom('entity_name').where('priority', '<=', 1).execute();

  // Sources of imported official names (UNTERM, M49) and datasets are not in data/reference: keep them.
  const imported = await trx.selectFrom('entity_name').select('source_id').distinct().where('priority', '>', 1).where('source_id', 'is not', null).execute();
  const datasets = await trx.selectFrom('import_dataset').select('source_id').distinct().execute();
  await replaceTable(trx, 'source', 'id', data.sources.map(sourceRow), [...imported.map((r) => r.source_id!), ...datasets.map((r) => r.source_id), ...users.sources]);
  await replaceTable(
    trx,
    'region',
    'code',
    data.regions.map((r) => ({ code: r.code, level: r.level, parent_code: r.parentCode, name: r.name })),
  );
  await replaceTable(
    trx,
    'state',
    'iso3',
    data.states.map((s) => ({
      iso3: s.iso3,
      iso2: s.iso2,
      m49: s.m49,
      region_code: s.regionCode,
      subregion_code: s.subregionCode,
      intermediate_region_code: s.intermediateRegionCode,
      un_status: s.unStatus,
      un_admission: s.unAdmission,
      regional_group: s.regionalGroup,
      regional_group_note: s.regionalGroupNote,
      sources: json(s.sources),
      statehood_date: s.statehood?.since ?? null,
      statehood_basis: s.statehood?.basis ?? null,
      statehood_sources: json(s.statehood?.sourceIds),
      statehood_note: s.statehood?.note ?? null,
    })),
  );
  await replaceTable(
    trx,
    'organization',
    'id',
    data.organizations.map((o) => ({
      id: o.id,
      kind: o.kind,
      region: o.region ?? null,
      founded: o.founded,
      hq_city: o.headquarters?.city ?? null,
      hq_iso3: o.headquarters?.iso3 ?? null,
      website: o.website ?? null,
      predecessors: json(o.predecessors),
      sources: json(o.sources),
    })),
    users.organizations,
  );
  await replaceTable(
    trx,
    'instrument',
    'code',
    data.instruments.map((i) => ({
      code: i.code,
      kind: i.kind,
      binding: flag(i.binding),
      system: i.system,
      organization_id: i.organization,
      core: flag(i.core),
      untc_ref: i.untcRef,
      parent_code: i.parent,
      adopted: i.adopted,
      adopted_place: i.adoptedPlace ?? null,
      entry_into_force: i.entryIntoForce,
      depositary: i.depositary,
      note: i.note ?? null,
      unverified: json(i.unverified),
      sources: json(i.sources),
    })),
    users.instruments,
  );
  await replaceTable(
    trx,
    'mechanism',
    'code',
    data.mechanisms.map((m) => ({
      code: m.code,
      kind: m.kind,
      system: m.system,
      organization_id: m.organization,
      seat_city: m.seat?.city ?? null,
      seat_iso3: m.seat?.iso3 ?? null,
      establishing_instrument: m.establishingInstrument,
      established: m.established,
      individual_complaints: flag(m.individualComplaints),
      individual_complaints_note: m.individualComplaintsNote ?? null,
      coverage_basis: m.coverage.basis,
      coverage_organization: m.coverage.basis === 'membership' ? m.coverage.organization : null,
      coverage_instrument: m.coverage.basis === 'party' ? [...new Set([m.coverage.instrument, ...(m.coverage.instrumentsAny ?? [])])].join(',') : null,
      coverage_acceptance: m.coverage.basis === 'party' && m.coverage.acceptance ? (m.coverage.acceptanceFor ?? 'jurisdiction') : null,
      coverage_acceptance_text: m.coverage.basis === 'party' ? (m.coverage.acceptance ?? null) : null,
      note: m.note ?? null,
      unverified: json(m.unverified),
      sources: json(m.sources),
    })),
  );
  await replaceTable(
    trx,
    'presence',
    'id',
    data.presences.map((p) => ({
      id: p.id,
      kind: p.kind,
      seat_city: p.seat?.city ?? null,
      seat_iso3: p.seat?.iso3 ?? null,
      opened: p.opened,
      closed: p.closed,
      mandate: p.mandate ?? null,
      unverified: json(p.unverified),
      sources: json(p.sources),
    })),
    [...new Set(keptPeriods.map((r) => r.presence_id))],
  );

  await seedMembershipEvents(
    trx,
    data.organizations.flatMap((o) => {
      const seqByState = new Map<string, number>();
      return o.members.map((m) => {
        const seq = (seqByState.get(m.iso3) ?? 0) + 1;
        seqByState.set(m.iso3, seq);
        return { organization_id: o.id, iso3: m.iso3, seq, event: m.event, date: m.date, sources: json(m.sourceIds), note: m.note };
      });
    }),
    keptEvents,
  );
  await seedCoveragePeriods(trx, data, keptPeriods);
  await seedReferenceActions(trx, data);

  await insertChunks(trx, 'entity_name', [
    ...data.states.flatMap((s) =>
      s.names.map((n) => ({
        entity_kind: 'state',
        entity_id: s.iso3,
        lang: n.lang,
        kind: n.kind,
        value: n.value,
        search_text: foldForSearch(n.value),
        priority: 0,
        source_id: 'pkg-i18n-iso-countries',
      })),
    ),
    ...data.organizations.flatMap((o) => [
      ...nameRows('organization', o.id, o.name, 'name', o.sources[0] ?? null),
      ...nameRows('organization', o.id, o.acronym, 'acronym', o.sources[0] ?? null),
      ...o.predecessors.flatMap((p) => [...nameRows('organization', o.id, p.name, 'alias', o.sources[0] ?? null), ...nameRows('organization', o.id, p.acronym, 'alias', o.sources[0] ?? null)]),
    ]),
    ...data.instruments.flatMap((i) => [
      ...nameRows('instrument', i.code, i.title, 'name', nameSource(i, 'title')),
      ...nameRows('instrument', i.code, i.shortTitle, 'acronym', nameSource(i, 'shortTitle')),
    ]),
    ...data.mechanisms.flatMap((m) => [...nameRows('mechanism', m.code, m.name, 'name', nameSource(m, 'name')), ...nameRows('mechanism', m.code, m.acronym, 'acronym', nameSource(m, 'acronym'))]),
    ...data.presences.flatMap((p) => nameRows('presence', p.id, p.name, 'name', p.sources[0] ?? null)),
  ]);
  await replaceRules(trx, 'effect-rule', data.effectRules);
  await replaceRules(trx, 'eligibility-rule', data.eligibilityRules);
  await replaceRules(trx, 'participant-alias', data.participantAliases);
  await replaceRules(trx, 'procedure-act', data.procedureActs);
  await seedCooperationEvents(trx, data);
  await seedCooperationExchanges(trx, data);
  await seedCooperationObstacles(trx, data);
}

/** The shipped obstacles to ratification, each with its evidence (users' edits kept). */
async function seedCooperationObstacles(trx: Trx, data: ReferenceData): Promise<void> {
  await writeShippedObstacles(
    trx,
    data.cooperationObstacles.obstacles.map((o) => ({
      row: {
        id: o.id,
        state_iso3: o.state,
        category: o.category,
        description: o.description,
        identified: o.identified,
        identified_by: o.identifiedBy,
        status: o.status,
        status_date: o.statusDate ?? null,
        sources: json(o.sources),
      },
      instruments: o.instruments,
      evidence: o.evidence.map((e) => ({ kind: e.kind, title: e.title, url: e.url, date: e.date ?? null, note: e.note ?? null })),
    })),
  );
}

/** The shipped exchanges between UN bodies and regional organizations and mechanisms (users' edits kept). */
async function seedCooperationExchanges(trx: Trx, data: ReferenceData): Promise<void> {
  const { series, exchanges } = data.cooperationExchanges;
  await writeShippedExchanges(
    trx,
    series.map((s) => ({ id: s.id, title: s.title, description: s.description ?? null, note: s.note ?? null, sources: json(s.sources) })),
    exchanges.map((e) => ({
      row: {
        id: e.id,
        kind: e.kind,
        title: e.title,
        series_id: e.series ?? null,
        series_number: e.number ?? null,
        start_date: e.start,
        end_date: e.end ?? null,
        city: e.city ?? null,
        country_iso3: e.country ?? null,
        topic: e.topic ?? null,
        description: e.description ?? null,
        outcomes: e.outcomes ?? null,
        note: e.note ?? null,
        sources: json(e.sources),
      },
      parties: e.parties.map((p) => ({ side: p.side, un_body: p.unBody ?? null, name: p.name ?? null, organization_id: p.organization ?? null, mechanism_code: p.mechanism ?? null })),
      documents: e.documents ?? [],
      links: (e.links ?? []).map((l) => ({ to_kind: l.kind, to_ref: l.ref, note: l.note ?? null })),
    })),
  );
}

/** The shipped events and series of the technical-cooperation programme (users' edits kept). */
async function seedCooperationEvents(trx: Trx, data: ReferenceData): Promise<void> {
  const { series, events } = data.cooperationEvents;
  await writeShippedEvents(
    trx,
    series.map((s) => ({ id: s.id, kind: s.kind, title: s.title, description: s.description ?? null, note: s.note ?? null, sources: json(s.sources) })),
    events.map((e) => ({
      row: {
        id: e.id,
        kind: e.kind,
        title: e.title,
        series_id: e.series ?? null,
        series_number: e.number ?? null,
        start_date: e.start,
        end_date: e.end ?? null,
        city: e.city ?? null,
        country_iso3: e.country ?? null,
        region_code: e.region ?? null,
        agenda: e.agenda ?? null,
        conclusions: e.conclusions ?? null,
        note: e.note ?? null,
        sources: json(e.sources),
      },
      organizers: (e.organizers ?? []).map((o) => ({ role: o.role, name: o.name, organization_id: o.organization ?? null, state_iso3: o.state ?? null })),
      documents: e.documents ?? [],
      links: (e.links ?? []).map((l) => ({ to_kind: l.kind, to_ref: l.ref, note: l.note ?? null })),
    })),
  );
}

/** How many rows of each kind the registry holds: what the seed's audit record compares. */
export async function registryCounts(trx: Trx): Promise<Record<string, number>> {
  const tables = [
    'state',
    'organization',
    'membership_event',
    'instrument',
    'mechanism',
    'presence',
    'source',
    'entity_name',
    'reference_fact',
    'event_series',
    'event',
    'exchange_series',
    'exchange',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
