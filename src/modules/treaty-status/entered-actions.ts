// Treaty actions entered by editors (docs/TREATY-STATUS.md, "Acts entered in Accord"): each
// joins its instrument's dataset `edit:<instrument>`, which no import and no seed replaces, and
// the collection `edit`. Precedence then does the rest: for the participant and the group of
// acts an editor gave (consent, signature…), the editor's act decides; an imported or shipped
// act that says otherwise stays, overruled, and the disagreement is listed at
// /data-quality/conflicts with both sides and their sources. So a correction never destroys the
// fact it corrects. Use cases: treaty-actions.create, .update and .delete (only of entered acts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, StaleVersionError, type Problem } from '../../shared/errors.ts';
import type { Topic } from '../../shared/topics.ts';
import { isProcedureDeclaration, type ParticipantKind } from '../../shared/vocabularies.ts';
import { type Editor, requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { accessOfNew, accessView } from '../edits/access.ts';
import { applyCorrection } from '../edits/apply.ts';
import { openCorrection } from '../edits/open.ts';
import { planUpdate, type FieldSpec } from '../edits/corrections.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { organizationProblem, parseInput, requireVersion, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { findInstrument } from '../instruments/repository.ts';
import { procedureById } from '../procedures/catalogue.ts';
import { loadSources } from '../sources/repository.ts';
import { resolveSources } from '../sources/service.ts';
import { mayEnterTreatyAction, treatyActionPermissions } from './policy.ts';
import {
  deleteTreatyActionIfVersion,
  editDatasetId,
  findTreatyAction,
  insertTreatyAction,
  listEnteredTreatyActions,
  nextActionSeq,
  saveEditDataset,
  updateTreatyActionIfVersion,
  type TreatyActionRow,
} from './repository.ts';
import { treatyActionCreateSchema, treatyActionUpdateSchema, type EnteredActionView, type TreatyActionCreateBody, type TreatyActionUpdateBody } from './schema.ts';

const TOPICS: readonly Topic[] = ['treaty-data', 'sources'];
const touched = (newSource: boolean): Topic[] => (newSource ? ['treaty-data', 'sources'] : ['treaty-data']);

/** `edit:<instrument>/<n>`: what the audit trail and the API name an entered act by. */
export const enteredActionId = (datasetId: string, seq: number) => `${datasetId}/${seq}`;

export interface EnteredActionKey {
  instrument: string;
  seq: number;
}

const FIELDS: readonly FieldSpec[] = ['kind', 'date', 'effective', 'text', 'note', 'procedure'].map((f) => ({ field: f, column: f }));

/** An entered act as the API shows it, with its version (what a stale update is answered with). */
export async function enteredActionView(db: Kysely<Database>, key: EnteredActionKey): Promise<EnteredActionView> {
  const datasetId = editDatasetId(key.instrument);
  const row = await findTreatyAction(db, datasetId, key.seq);
  if (!row) throw new NotFoundError('treaty action', enteredActionId(datasetId, key.seq));
  return viewOf(row, await loadSources(db));
}

/** The entered acts the reader's view holds, of one instrument and/or participant: how a client
 *  finds the acts it may correct or delete (their id names their number). */
export async function listEnteredActionViews(db: Kysely<Database>, filter: { instrument?: string; participant?: string }): Promise<EnteredActionView[]> {
  const [rows, sources] = await Promise.all([listEnteredTreatyActions(db, filter), loadSources(db)]);
  return rows.map((row) => viewOf(row, sources));
}

function viewOf(row: TreatyActionRow, sources: Awaited<ReturnType<typeof loadSources>>): EnteredActionView {
  return {
    id: enteredActionId(row.dataset_id, row.seq),
    instrument: row.instrument_code,
    participant: row.participant_id,
    participantKind: row.participant_kind as ParticipantKind,
    kind: row.kind,
    date: row.date,
    effective: row.effective,
    text: row.text,
    note: row.note,
    procedure: row.procedure ?? null,
    sources: resolveSources(JSON.parse(row.sources) as string[], sources).sources,
    ...accessView(row),
    version: row.row_version,
  };
}

async function stale(db: Kysely<Database>, key: EnteredActionKey): Promise<StaleVersionError> {
  const current = await enteredActionView(db, key);
  return new StaleVersionError(`treaty action ${current.id}`, current, current.version);
}

/** A declaration's procedure must be one of the instrument's; only declarations name one. */
function procedureProblems(instrument: string, kind: string, procedure: string | null | undefined): Problem[] {
  if (procedure == null) return [];
  if (!isProcedureDeclaration(kind)) return [{ field: 'procedure', reason: 'only a declaration accepting or withdrawing a procedure names one' }];
  return procedureById(procedure)?.instrument === instrument ? [] : [{ field: 'procedure', reason: `"${procedure}" is not a procedure of ${instrument} (see /api/v1/procedures)` }];
}

export const createTreatyActionUseCase: UseCase<TreatyActionCreateBody, EnteredActionKey & { id: string; version: number }> = {
  name: 'treaty-actions.create',
  topics: TOPICS,
  async run(trx, input, context) {
    const body = parseInput(treatyActionCreateSchema, input, 'The treaty action');
    const instrument = await findInstrument(trx, body.instrument);
    if (!instrument) throw new NotFoundError('instrument', body.instrument);
    const participantKind: ParticipantKind = /^[A-Z]{3}$/.test(body.participant) ? 'state' : 'organization';
    const editor = editorOf(context);
    const scope = { instrumentOrganizationId: instrument.organization_id, participantKind, participantId: body.participant };
    requireRight(editor, mayEnterTreatyAction(editor, scope), `enter treaty actions of ${body.participant} under ${instrument.code}`);
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const participantProblems = participantKind === 'state' ? await stateProblem(trx, 'participant', body.participant) : await organizationProblem(trx, 'participant', body.participant);
    throwIfProblems([...source.problems, ...participantProblems, ...procedureProblems(instrument.code, body.kind, body.procedure), ...access.problems], `The ${body.kind} of ${body.participant}`);
    const newSource = await storeSource(trx, source, access.stored);
    const datasetId = editDatasetId(instrument.code);
    await saveEditDataset(trx, instrument.code, source.id); // before the act: the act names its dataset
    const seq = await nextActionSeq(trx, datasetId);
    const act = { kind: body.kind, date: body.date, effective: body.effective ?? null, text: body.text ?? null, note: body.note ?? null, procedure: body.procedure ?? null };
    await insertTreatyAction(trx, {
      dataset_id: datasetId,
      seq,
      instrument_code: instrument.code,
      participant_kind: participantKind,
      participant_id: body.participant,
      participant_name: body.participant,
      ...act,
      sources: JSON.stringify([source.id]),
      file: 'entered in Accord',
      row: seq,
      column: null,
      ...access.stored,
    });
    await saveEditDataset(trx, instrument.code, source.id); // now counting it
    const id = enteredActionId(datasetId, seq);
    return {
      result: { instrument: instrument.code, seq, id, version: 1 },
      audit: [
        {
          action: 'create',
          entityKind: 'treaty-action',
          entityId: id,
          after: { instrument: instrument.code, participant: body.participant, ...act, confidentiality: access.stored.confidentiality, source: source.id },
          summary: `${body.participant} ${body.kind} of ${instrument.code}${body.date ? ` on ${body.date}` : ' (undated)'} entered (source ${source.id})`,
        },
      ],
      topics: touched(newSource),
    };
  },
};

/** The entered act and what the policy needs of it, or 404 (imported and shipped acts are not changed here). */
async function loadEntered(db: Kysely<Database>, key: EnteredActionKey) {
  const datasetId = editDatasetId(key.instrument);
  const [row, instrument] = await Promise.all([findTreatyAction(db, datasetId, key.seq), findInstrument(db, key.instrument)]);
  if (!row || !instrument) throw new NotFoundError('treaty action', enteredActionId(datasetId, key.seq));
  const scope = { datasetId, instrumentOrganizationId: instrument.organization_id, participantKind: row.participant_kind, participantId: row.participant_id };
  return { row, datasetId, id: enteredActionId(datasetId, key.seq), scope };
}

export type TreatyActionUpdate = TreatyActionUpdateBody & EnteredActionKey & { expectedVersion?: number };

export const updateTreatyActionUseCase: UseCase<TreatyActionUpdate, { changed: string[]; version: number }> = {
  name: 'treaty-actions.update',
  topics: TOPICS,
  async run(trx, input, context) {
    const { instrument, seq, expectedVersion, ...rest } = input;
    const key = { instrument, seq };
    const { row: found, datasetId, id, scope } = await loadEntered(trx, key);
    const target = {
      kind: 'treaty action',
      id,
      row: found,
      allowed: (editor: Editor) => treatyActionPermissions(editor, scope).update,
      attempt: `correct the treaty action ${id}`,
      expectedVersion,
      stale: () => stale(trx, key),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, treatyActionUpdateSchema, rest);
    const procedure = body.procedure === undefined ? row.procedure : body.procedure;
    throwIfProblems([...source.problems, ...procedureProblems(row.instrument_code, body.kind ?? row.kind, procedure), ...access.problems], `The correction of ${id}`);
    // An entered act is the editor's own record: changed in place, its history in the audit trail.
    const plan = planUpdate({ ...row, origin: 'user', corrections: '{}' }, FIELDS, body, stamp);
    const applied = await applyCorrection(trx, {
      entityKind: 'treaty-action',
      entityId: id,
      label: `${id} (${row.participant_id} ${row.kind})`,
      expected,
      plan,
      access,
      source,
      stamp,
      write: async (set) => {
        if (!(await updateTreatyActionIfVersion(trx, datasetId, seq, expected, set))) return false;
        await saveEditDataset(trx, row.instrument_code, source.id);
        return true;
      },
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touched(applied.newSource) };
  },
};

export type TreatyActionDelete = EnteredActionKey & { expectedVersion?: number };

export const deleteTreatyActionUseCase: UseCase<TreatyActionDelete, { deleted: boolean }> = {
  name: 'treaty-actions.delete',
  topics: ['treaty-data'],
  async run(trx, input, context) {
    const key = { instrument: input.instrument, seq: input.seq };
    const { row, datasetId, id, scope } = await loadEntered(trx, key);
    const editor = editorOf(context);
    requireRight(editor, treatyActionPermissions(editor, scope).delete, `delete the treaty action ${id}`);
    const expected = requireVersion(input.expectedVersion, 'treaty action');
    if (expected !== row.row_version || !(await deleteTreatyActionIfVersion(trx, datasetId, key.seq, expected))) throw await stale(trx, key);
    await saveEditDataset(trx, row.instrument_code, (JSON.parse(row.sources) as string[])[0]!);
    return {
      result: { deleted: true },
      audit: [
        {
          action: 'delete',
          entityKind: 'treaty-action',
          entityId: id,
          before: { instrument: row.instrument_code, participant: row.participant_id, kind: row.kind, date: row.date, effective: row.effective, note: row.note, sources: JSON.parse(row.sources) },
          summary: `${id} deleted: ${row.participant_id} ${row.kind} of ${row.instrument_code}${row.date ? ` on ${row.date}` : ''}`,
        },
      ],
    };
  },
};

export function createTreatyAction(db: Kysely<Database>, input: TreatyActionCreateBody, context: WriteContext) {
  return runUseCase(db, createTreatyActionUseCase, input, context);
}

export function updateTreatyAction(db: Kysely<Database>, input: TreatyActionUpdate, context: WriteContext) {
  return runUseCase(db, updateTreatyActionUseCase, input, context);
}

export function deleteTreatyAction(db: Kysely<Database>, input: TreatyActionDelete, context: WriteContext) {
  return runUseCase(db, deleteTreatyActionUseCase, input, context);
}
