// Loads the shipped snapshot (data/snapshot/treaty-data.jsonl.gz) into a database, through the
// same writes as the importers, in one transaction. It never overwrites what a user imported:
// a dataset (or a kind of official names) is written only when the database lacks it or holds
// exactly what an earlier snapshot put there; a newer shipped snapshot therefore replaces an
// older one on the next start, and an unchanged one is not even read twice. It is the use case
// `snapshot.load` of the write path: one audit record names the datasets and names it wrote.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { systemContext, type WriteContext } from '../modules/audit/context.ts';
import { runUseCase, summaryList, type UseCase } from '../modules/audit/pipeline.ts';
import { factsOf } from '../modules/datasets/facts.ts';
import { storedDatasets } from '../modules/datasets/repository.ts';
import { deleteDataset, replaceDataset } from '../modules/datasets/write.ts';
import { readMeta, writeMeta } from '../modules/meta/repository.ts';
import { namesOfPriority } from '../modules/names/repository.ts';
import { OFFICIAL_NAME_PRIORITY, writeOfficialNames, type OfficialEntityKind } from '../modules/names/service.ts';
import { MEMBERSHIP_SNAPSHOTS } from '../modules/organizations/facts.ts';
import type { SourceRecord as StoredSource } from '../modules/sources/repository.ts';
import { TREATY_ACTIONS, TREATY_SNAPSHOTS, type TreatyActionInput } from '../modules/treaty-status/facts.ts';
import type { Participant } from '../modules/treaty-status/participants.ts';
import { ValidationError } from '../shared/errors.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../shared/source-address.ts';
import type { SourceKind } from '../shared/source-kinds.ts';
import type { Lang } from '../shared/text.ts';
import {
  decodeSnapshot,
  SNAPSHOT_FILE,
  type ActionRecord,
  type DatasetRecord,
  type MembershipRecord,
  type NameRecord,
  type SnapshotRecord,
  type SnapshotRowRecord,
  type SourceRecord,
} from './format.ts';

const SNAPSHOT_HASH = 'snapshot_hash';
/** What the last snapshot loaded wrote: dataset id → content hash, names kind → hash of the names. */
const SNAPSHOT_WROTE = 'snapshot_wrote';

export interface SnapshotLoad {
  outcome: 'absent' | 'unchanged' | 'loaded';
  /** Datasets written or removed. */
  datasets: number;
  names: number;
  /** Datasets or name kinds a user imported, left as they are. */
  kept: string[];
}

const participant = (kind: string, id: string): Participant => (kind === 'organization' ? { kind: 'organization', id } : { kind: 'state', iso3: id });

function source(record: SourceRecord): StoredSource {
  // A snapshot can be built from any folder: its addresses follow the rule of every other entry.
  if (!isSourceAddress(record.url)) {
    throw new ValidationError(`The snapshot's source ${record.id} has the address "${record.url.slice(0, 100)}"`, [{ field: 'url', reason: SOURCE_ADDRESS_RULE }]);
  }
  return { id: record.id, title: record.title, url: record.url, retrieved: record.retrieved, kind: (record.kind ?? 'official') as SourceKind, asOf: record.asOf, copyOf: record.copyOf };
}

function actionInput(a: ActionRecord): TreatyActionInput {
  return {
    instrumentCode: a.instrument,
    participant: participant(a.participantKind, a.participant),
    participantName: a.participantName,
    kind: a.kind,
    date: a.date,
    effective: a.effective,
    text: a.text,
    note: a.note,
    sourceIds: a.sources,
    file: a.file,
    row: a.row,
    column: a.column,
  };
}

const namesHash = (names: { entity_id: string; lang: string; kind: string; value: string }[]) =>
  createHash('sha256')
    .update(JSON.stringify(names.map((n) => [n.entity_id, n.lang, n.kind, n.value]).sort()))
    .digest('hex');

export async function loadSnapshot(db: Kysely<Database>, file: string = SNAPSHOT_FILE, context: WriteContext = systemContext('snapshot')): Promise<SnapshotLoad> {
  if (!existsSync(file)) return { outcome: 'absent', datasets: 0, names: 0, kept: [] };
  const { records, hash } = decodeSnapshot(readFileSync(file));
  if ((await readMeta(db, SNAPSHOT_HASH)) === hash) return { outcome: 'unchanged', datasets: 0, names: 0, kept: [] };
  return runUseCase(db, loadSnapshotUseCase, { records, hash, file }, context);
}

interface SnapshotInput {
  records: SnapshotRecord[];
  hash: string;
  file: string;
}

const loadSnapshotUseCase: UseCase<SnapshotInput, SnapshotLoad> = {
  name: 'snapshot.load',
  topics: ['treaty-data', 'sources', 'names'],
  async run(trx, { records, hash, file }) {
    const of = <T extends SnapshotRecord['type']>(type: T) => records.filter((r): r is Extract<SnapshotRecord, { type: T }> => r.type === type);
    const sources = new Map(of('source').map((s) => [s.id, source(s)]));
    const result: SnapshotLoad = { outcome: 'loaded', datasets: 0, names: 0, kept: [] };
    const written: string[] = [];
    // Maps, not objects: dataset ids come from a snapshot file and must never meet inherited members.
    const wrote = new Map(Object.entries(JSON.parse((await readMeta(trx, SNAPSHOT_WROTE)) ?? '{}') as Record<string, string>));
    const now = new Map<string, string>();
    const stored = new Map([...(await storedDatasets(trx)).values()].map((d) => [d.id, d.contentHash]));
    const actions = groupBy(of('action'), (a) => a.dataset);
    const rows = groupBy(of('snapshot'), (s) => s.dataset);
    const memberships = groupBy(of('membership'), (m) => m.dataset);
    for (const d of of('dataset')) {
      now.set(d.id, d.contentHash);
      const current = stored.get(d.id);
      if (current === d.contentHash) continue;
      // An empty hash marks data read by an older version of Accord: always replaced.
      if (current !== undefined && current !== '' && current !== wrote.get(d.id)) {
        result.kept.push(d.id); // imported by a user: theirs stays
        now.delete(d.id);
        continue;
      }
      await replaceDataset(trx, {
        dataset: datasetInput(d, sources),
        facts: [
          factsOf(TREATY_ACTIONS, (actions.get(d.id) ?? []).map(actionInput)),
          factsOf(TREATY_SNAPSHOTS, (rows.get(d.id) ?? []).map(snapshotInput)),
          factsOf(MEMBERSHIP_SNAPSHOTS, (memberships.get(d.id) ?? []).map(membershipInput)),
        ],
      });
      result.datasets++;
      written.push(`${d.id} (${d.accepted})`);
    }
    // A dataset an older snapshot wrote and this one no longer ships goes, unless a user replaced it.
    for (const [id, hash] of wrote) {
      if (id.startsWith('names:') || now.has(id) || stored.get(id) !== hash) continue;
      await deleteDataset(trx, id);
      result.datasets++;
      written.push(`${id} removed`);
    }
    for (const [kind, names] of groupBy(of('name'), (n) => n.entityKind)) {
      const key = `names:${kind}`;
      const shipped = namesHash(names.map((n) => ({ entity_id: n.entityId, lang: n.lang, kind: n.kind, value: n.value })));
      now.set(key, shipped);
      const current = await namesOfPriority(trx, kind, OFFICIAL_NAME_PRIORITY);
      if (current.length > 0 && namesHash(current) === shipped) continue;
      if (current.length > 0 && namesHash(current) !== wrote.get(key)) {
        result.kept.push(key);
        now.delete(key);
        continue;
      }
      await writeOfficialNames(trx, kind as OfficialEntityKind, names.map(nameInput), sources.get(names[0]!.sourceId)!);
      result.names += names.length;
      written.push(`${names.length} official ${kind} names`);
    }
    await writeMeta(trx, SNAPSHOT_WROTE, JSON.stringify(Object.fromEntries(now)));
    await writeMeta(trx, SNAPSHOT_HASH, hash);
    const audit =
      written.length === 0
        ? []
        : [
            {
              action: 'load' as const,
              entityKind: 'snapshot',
              entityId: hash.slice(0, 16),
              after: { file, hash, datasets: result.datasets, names: result.names, written, kept: result.kept },
              summary: `snapshot ${hash.slice(0, 12)}: ${summaryList(written)}${result.kept.length ? `; kept what was imported here: ${summaryList(result.kept)}` : ''}`,
            },
          ];
    return { result, audit };
  },
};

function datasetInput(d: DatasetRecord, sources: Map<string, StoredSource>) {
  return { id: d.id, kind: d.kind, label: d.label, contentHash: d.contentHash, source: sources.get(d.sourceId)!, asOf: d.asOf, accepted: d.accepted, rejected: d.rejected };
}

function snapshotInput(s: SnapshotRowRecord) {
  return {
    instrumentCode: s.instrument,
    participant: participant(s.participantKind, s.participant),
    participantName: s.participantName,
    status: s.status as 'party',
    asOf: s.asOf,
    file: s.file,
    row: s.row,
    note: s.note ?? undefined,
  };
}

function membershipInput(m: MembershipRecord) {
  return { organizationId: m.organization, iso3: m.iso3, participantName: m.participantName, status: m.status, fromYear: m.fromYear, toYear: m.toYear, file: m.file, row: m.row, column: m.column };
}

function nameInput(n: NameRecord) {
  return { id: n.entityId, lang: n.lang as Lang, kind: n.kind as 'name' | 'formal', value: n.value };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const group = out.get(key(item));
    if (group) group.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
