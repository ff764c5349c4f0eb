// One record of the registry by its kind and id, as a reader's view finds it, with what the
// asker may do to it: the one place that knows how each kind is named and whose policy decides.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Editor, Permissions } from '../access/edit-rights.ts';
import { findInstrument } from '../instruments/repository.ts';
import { instrumentPermissions } from '../instruments/policy.ts';
import { findMechanism } from '../mechanisms/repository.ts';
import { mechanismPermissions } from '../mechanisms/policy.ts';
import { membershipEventPermissions, organizationPermissions } from '../organizations/policy.ts';
import { findMembershipEvent, findOrganization } from '../organizations/repository.ts';
import { coveragePeriodPermissions, presencePermissions } from '../presences/policy.ts';
import { findCoveragePeriod, findPresence } from '../presences/repository.ts';
import { treatyActionPermissions } from '../treaty-status/policy.ts';
import { findTreatyAction } from '../treaty-status/repository.ts';

/** The kinds of record the registry's editors write, as the audit trail names them. */
export const RECORD_KINDS = ['organization', 'membership-event', 'instrument', 'mechanism', 'treaty-action', 'presence', 'coverage-period'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What the asker may do to the record, or 404 when their view does not hold it. */
export async function permissionsOn(reader: Kysely<Database>, editor: Editor, kind: RecordKind, id: string): Promise<Permissions> {
  const missing = () => new NotFoundError(kind, id);
  switch (kind) {
    case 'organization': {
      const row = await findOrganization(reader, id);
      if (!row) throw missing();
      return organizationPermissions(editor, row);
    }
    case 'membership-event': {
      const match = /^([^/]+)\/([A-Z]{3})\/(\d{1,9})$/.exec(id);
      const row = match?.[1] && match[2] && match[3] ? await findMembershipEvent(reader, { organizationId: match[1], iso3: match[2], seq: Number(match[3]) }) : undefined;
      if (!row) throw missing();
      return membershipEventPermissions(editor, { organizationId: row.organization_id, iso3: row.iso3, origin: row.origin });
    }
    case 'instrument': {
      const row = await findInstrument(reader, id);
      if (!row) throw missing();
      return instrumentPermissions(editor, { organizationId: row.organization_id });
    }
    case 'mechanism': {
      const row = await findMechanism(reader, id);
      if (!row) throw missing();
      return mechanismPermissions(editor, { organizationId: row.organization_id });
    }
    case 'treaty-action': {
      const match = /^(edit:[^/]+)\/(\d{1,9})$/.exec(id);
      const row = match?.[1] && match[2] ? await findTreatyAction(reader, match[1], Number(match[2])) : undefined;
      if (!row) throw missing();
      const instrument = await findInstrument(reader, row.instrument_code);
      return treatyActionPermissions(editor, {
        datasetId: row.dataset_id,
        instrumentOrganizationId: instrument?.organization_id ?? null,
        participantKind: row.participant_kind,
        participantId: row.participant_id,
      });
    }
    case 'presence': {
      if (!(await findPresence(reader, id))) throw missing();
      return presencePermissions(editor);
    }
    case 'coverage-period': {
      const key = coveragePeriodKey(id);
      const row = key ? await findCoveragePeriod(reader, key) : undefined;
      if (!row) throw missing();
      return coveragePeriodPermissions(editor, row);
    }
  }
}

/** The id parts of a coverage period (`ro-pacific/1001`), or null. */
export function coveragePeriodKey(id: string): { presenceId: string; seq: number } | null {
  const match = /^([a-z][a-z0-9-]{0,99})\/(\d{1,9})$/.exec(id);
  return match?.[1] && match[2] ? { presenceId: match[1], seq: Number(match[2]) } : null;
}

/** The id parts of a membership event (`au/KEN/1001`) or an entered act (`edit:ICCPR/3`), or null. */
export function membershipEventKey(id: string): { organizationId: string; iso3: string; seq: number } | null {
  const match = /^([^/]+)\/([A-Z]{3})\/(\d{1,9})$/.exec(id);
  return match?.[1] && match[2] && match[3] ? { organizationId: match[1], iso3: match[2], seq: Number(match[3]) } : null;
}

export function enteredActKey(id: string): { instrument: string; seq: number } | null {
  const match = /^edit:([^/]+)\/(\d{1,9})$/.exec(id);
  return match?.[1] && match[2] ? { instrument: match[1], seq: Number(match[2]) } : null;
}

/** The record's version now (what an update or delete must name), or 404. */
export async function versionOf(db: Kysely<Database>, kind: RecordKind, id: string): Promise<number> {
  const row = await rowOf(db, kind, id);
  if (!row) throw new NotFoundError(kind, id);
  return row.row_version;
}

async function rowOf(db: Kysely<Database>, kind: RecordKind, id: string): Promise<{ row_version: number } | undefined> {
  switch (kind) {
    case 'organization':
      return findOrganization(db, id);
    case 'instrument':
      return findInstrument(db, id);
    case 'mechanism':
      return findMechanism(db, id);
    case 'membership-event': {
      const key = membershipEventKey(id);
      return key ? findMembershipEvent(db, key) : undefined;
    }
    case 'treaty-action': {
      const key = enteredActKey(id);
      return key ? findTreatyAction(db, `edit:${key.instrument}`, key.seq) : undefined;
    }
    case 'presence':
      return findPresence(db, id);
    case 'coverage-period': {
      const key = coveragePeriodKey(id);
      return key ? findCoveragePeriod(db, key) : undefined;
    }
  }
}
