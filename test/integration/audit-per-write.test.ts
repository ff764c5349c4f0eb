// One audit record per change (issue 12): every operation of the OpenAPI document that is not a
// GET, called as someone allowed to, adds exactly one audit record naming its use case, the
// entity, the actor (`user:<id>`) and what changed (for an update, the old and new values of the
// changed fields; for a create, the record; for accounts, nothing personal). Calls that fail
// (400, 401, 403, 404, 409, 412, 428) add none and leave the record as it was. Failures run first, so
// they are judged against the record the success then changes. Then twenty simultaneous PATCHes
// naming the same version: one wins, nineteen get 412 with the current record, one audit record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { stepAt, totpCode } from '../../src/modules/accounts/totp.ts';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { makeAccount, PASSWORD, signIn, type TestAccount } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, type Asker, type Askers, ask, documentedOperations, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { FIRST_STEP, KENYA_REQUEST, kenyaRequest, REQUEST_SOURCE } from '../support/requests.ts';
import { KENYA_OBSTACLE, KENYA_STRATEGY, kenyaObstacle, kenyaStrategy, OBSTACLE_SOURCE } from '../support/obstacles.ts';
import { ACTION, COUNTS, EVENT_SOURCE, makeAction, makeParticipant, newEventBody, newSeries, ORGANIZERS, PARTICIPANT } from '../support/event-requests.ts';
import { body2004, ID_2004, KEY_2004 } from '../support/resolutions.ts';
import { EXCHANGE_SOURCE, newExchangeBody, newExchangeSeries } from '../support/exchange-requests.ts';
import { FOLLOW_UP_BODIES, kenyaAssignment, kenyaRecommendation, WITHDRAWAL, withdrawalPath } from '../support/follow-up.ts';
import { LINK_REVIEW_PATH, LINKED_ID, linkIfMatch, storeLinkedRecommendation } from '../support/linked-recommendation.ts';
import {
  AU_INSTRUMENTS,
  AU_MECHANISMS,
  AU_TREATIES,
  CENTRAL_AFRICA_REPRESENTATIVE,
  EUROPE_COVERS_BELGIUM,
  eventIfMatch,
  ifMatch,
  KENYA_JOINS_AU,
  KENYA_RATIFIES_ACHPR,
  NORTH_AFRICA_MANDATES,
  NORTH_AFRICA_SOURCE,
  newAct,
  newEvent,
  newPeriod,
  periodIfMatch,
} from '../support/registry-requests.ts';
import { asXml, FICTIONAL_SOURCE, IATI_FILE, IATI_FILE_REFUSED, IATI_UPLOAD_PATH, rate } from '../support/projects.ts';
import { peerBody } from '../support/sync.ts';
import { newDelivery, WEBHOOK_BODY } from '../support/webhooks.ts';
import { BASED_ON, DRAFT_BODY, newDraft } from '../support/report-drafts.ts';

interface Call {
  method?: string;
  path: string;
  body?: unknown;
  ifMatch?: string;
  /** Another asker than the row's (a refused one), or other headers. */
  as?: Asker;
  headers?: Record<string, string>;
}

interface Expected {
  useCase: string;
  action: string;
  entityKind: string;
  entityId: string;
  /** Fields the record's before and after must hold (others may be there too). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

interface Row {
  as: Asker;
  /** The address of the record, read as the administrator before and after each failure. */
  record: () => string;
  /** Calls that must fail with this status and change nothing. */
  failures: () => Promise<[number, Call][]> | [number, Call][];
  call: () => Promise<Call> | Call;
  /** The one audit record the success adds; null for an operation that changes nothing. */
  expect: (answer: Answer) => Expected | null;
}

const STALE = '"v999999"';
/** Fictional records of the technical-cooperation programme. */
const AUDIT_PROJECT = {
  id: 'audit-project',
  title: 'Fictional audited project',
  status: 'pipeline',
  plannedStart: '2024-01-01',
  budget: [{ periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '100.00', currency: 'USD', fundingSource: 'regular-budget' }],
  source: FICTIONAL_SOURCE,
};
const AUDIT_AGREEMENT = {
  id: 'audit-agreement',
  title: 'Fictional audited agreement',
  reference: 'TEST/1',
  donorName: 'Fictional Donor',
  startDate: '2024',
  amount: '1000.00',
  currency: 'EUR',
  source: FICTIONAL_SOURCE,
};
const AUDIT_RATE = rate('EUR', 'USD', '1.0850', '2024-01-02');
/** A UPR Info export of one row, written for this test. */
const UPLOADED = 'To,Text,From,Response,Session\nKenya,A recommendation written for the audit test (test),France,Accepted,8\n';

for (const dialect of testDialects()) {
  describe(`one audit record per write on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    let subject: TestAccount;
    let login: TestAccount;
    let eventSeq = 0;
    let actSeq = 0;
    let periodSeq = 0; // the Regional Office for Europe's entered coverage of Belgium
    let recommendation = ''; // a recommendation to Kenya
    let request = ''; // a request for assistance of Kenya, for the rows that change or delete one
    let obstacle = ''; // an obstacle to Kenya's ratification, for the rows that change or delete one
    let strategy = ''; // a strategy for it
    let withdrawable = ''; // the address that withdraws a status of it, made with the row's failures
    let rateId = ''; // the exchange rate the POST row enters and the DELETE row deletes
    let hookId = ''; // the webhook the POST row adds and the DELETE row removes
    let deliveryId = ''; // a delivery of it, to send again
    let peerId = ''; // the sync peer the POST row adds and the DELETE row removes
    let draft = ''; // a draft of the report, for the rows that change it
    let doomedDraft = ''; // another, for the row that deletes one
    const user = (who: Exclude<Asker, 'anonymous'>) => `user:${as.accounts[who].id}`;
    const admin = () => as.headers.admin;

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'audit');
      subject = await makeAccount(t.db.db, 'audit-subject@example.org', ['viewer']);
      login = await makeAccount(t.db.db, 'audit-login@example.org', ['viewer']);
      eventSeq = await newEvent(t, admin());
      actSeq = await newAct(t, admin());
      periodSeq = await newPeriod(t, admin());
      recommendation = await kenyaRecommendation(t, 9);
      await storeLinkedRecommendation(t);
      draft = await newDraft(t, admin());
      doomedDraft = await newDraft(t, admin());
    });
    after(async () => {
      await t.db.drop();
    });

    const lastId = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('audit_record')
            .select((eb) => eb.fn.max('id').as('last'))
            .executeTakeFirst()
        )?.last ?? 0,
      );
    const recordsAfter = (id: number) => t.db.db.selectFrom('audit_record').selectAll().where('id', '>', id).orderBy('id').execute();
    const send = (call: Call, who: Asker) => ask(t, call.method ?? 'POST', call.path, call.headers ?? as.headers[call.as ?? who], call.body, call.ifMatch ? { 'If-Match': call.ifMatch } : {});
    const version = (path: string) => ifMatch(t, admin(), path);
    const current = async (path: string) => (await ask(t, 'GET', path, admin())).body;

    const ev = (id: string) => `/api/v1/events/${id}`;
    const xc = (id: string) => `/api/v1/exchanges/${id}`;
    const draftPath = () => `/api/v1/report-drafts/${draft}`;
    let participant = '';
    let action = '';
    const table = (): Record<string, Row> => ({
      'POST /api/v1/event-series': {
        as: 'admin',
        record: () => '/api/v1/event-series/audit-series',
        failures: () => [
          [403, { as: 'stateEditor', path: '/api/v1/event-series', body: newSeries('audit-series') }],
          [400, { path: '/api/v1/event-series', body: { ...newSeries('audit-series'), kind: 'picnic' } }],
        ],
        call: () => ({ path: '/api/v1/event-series', body: newSeries('audit-series') }),
        expect: () => ({ useCase: 'event-series.create', action: 'create', entityKind: 'event-series', entityId: 'audit-series', after: { kind: 'national-training-course' } }),
      },
      'PATCH /api/v1/event-series/{id}': {
        as: 'admin',
        record: () => '/api/v1/event-series/audit-series',
        failures: async () => [
          [428, { method: 'PATCH', path: '/api/v1/event-series/audit-series', body: { note: 'n', source: EVENT_SOURCE } }],
          [412, { method: 'PATCH', path: '/api/v1/event-series/audit-series', body: { note: 'n', source: EVENT_SOURCE }, ifMatch: STALE }],
          [
            403,
            { as: 'stateEditor', method: 'PATCH', path: '/api/v1/event-series/audit-series', body: { note: 'n', source: EVENT_SOURCE }, ifMatch: await version('/api/v1/event-series/audit-series') },
          ],
        ],
        call: async () => ({
          method: 'PATCH',
          path: '/api/v1/event-series/audit-series',
          body: { note: 'Held each year', source: EVENT_SOURCE },
          ifMatch: await version('/api/v1/event-series/audit-series'),
        }),
        expect: () => ({ useCase: 'event-series.update', action: 'update', entityKind: 'event-series', entityId: 'audit-series', before: { note: null }, after: { note: 'Held each year' } }),
      },
      'POST /api/v1/events': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/events', body: newEventBody('audit-event') }],
          [403, { as: 'stateEditor', path: '/api/v1/events', body: newEventBody('audit-event') }],
          [400, { path: '/api/v1/events', body: { ...newEventBody('audit-event'), end: '2026-03-01' } }],
        ],
        call: () => ({ path: '/api/v1/events', body: newEventBody('audit-event') }),
        expect: () => ({ useCase: 'events.create', action: 'create', entityKind: 'event', entityId: 'audit-event', after: { city: 'Nairobi' } }),
      },
      'PATCH /api/v1/events/{id}': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: async () => [
          [428, { method: 'PATCH', path: ev('audit-event'), body: { city: 'Mombasa', source: EVENT_SOURCE } }],
          [412, { method: 'PATCH', path: ev('audit-event'), body: { city: 'Mombasa', source: EVENT_SOURCE }, ifMatch: STALE }],
          [400, { method: 'PATCH', path: ev('audit-event'), body: { country: 'XXX', source: EVENT_SOURCE }, ifMatch: await version(ev('audit-event')) }],
          [403, { as: 'stateEditor', method: 'PATCH', path: ev('audit-event'), body: { city: 'Mombasa', source: EVENT_SOURCE }, ifMatch: await version(ev('audit-event')) }],
          [404, { method: 'PATCH', path: ev('no-such-event'), body: { city: 'Mombasa', source: EVENT_SOURCE }, ifMatch: '"v1"' }],
        ],
        call: async () => ({ method: 'PATCH', path: ev('audit-event'), body: { city: 'Mombasa', source: EVENT_SOURCE }, ifMatch: await version(ev('audit-event')) }),
        expect: () => ({ useCase: 'events.update', action: 'update', entityKind: 'event', entityId: 'audit-event', before: { city: 'Nairobi' }, after: { city: 'Mombasa' } }),
      },
      'PUT /api/v1/events/{id}/organizers': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: async () => [
          [428, { method: 'PUT', path: `${ev('audit-event')}/organizers`, body: ORGANIZERS }],
          [
            400,
            { method: 'PUT', path: `${ev('audit-event')}/organizers`, body: { ...ORGANIZERS, organizers: [{ role: 'host', name: 'x', stateIso3: 'XXX' }] }, ifMatch: await version(ev('audit-event')) },
          ],
          [409, { method: 'PUT', path: `${ev('asia-pacific-workshop-11')}/organizers`, body: ORGANIZERS, ifMatch: await version(ev('asia-pacific-workshop-11')) }],
        ],
        call: async () => ({ method: 'PUT', path: `${ev('audit-event')}/organizers`, body: ORGANIZERS, ifMatch: await version(ev('audit-event')) }),
        expect: () => ({ useCase: 'events.organizers', action: 'update', entityKind: 'event', entityId: 'audit-event', before: { organizers: [] } }),
      },
      'PUT /api/v1/events/{id}/participation': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: async () => [
          [400, { method: 'PUT', path: `${ev('audit-event')}/participation`, body: { ...COUNTS, counts: [{ headcount: -3 }] }, ifMatch: await version(ev('audit-event')) }],
          [403, { as: 'stateEditor', method: 'PUT', path: `${ev('audit-event')}/participation`, body: COUNTS, ifMatch: await version(ev('audit-event')) }],
        ],
        call: async () => ({ method: 'PUT', path: `${ev('audit-event')}/participation`, body: COUNTS, ifMatch: await version(ev('audit-event')) }),
        expect: () => ({ useCase: 'events.participation', action: 'update', entityKind: 'event', entityId: 'audit-event', before: { participation: [] } }),
      },
      'POST /api/v1/events/{id}/participants': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: () => [
          [403, { as: 'stateEditor', path: `${ev('audit-event')}/participants`, body: PARTICIPANT }],
          [400, { path: `${ev('audit-event')}/participants`, body: { ...PARTICIPANT, gender: 'unknown' } }],
          [404, { path: `${ev('no-such-event')}/participants`, body: PARTICIPANT }],
        ],
        call: () => ({ path: `${ev('audit-event')}/participants`, body: PARTICIPANT }),
        expect: (answer) => ({ useCase: 'events.participant-add', action: 'create', entityKind: 'event-participant', entityId: `audit-event/${answer.body.id}`, after: { country: 'KEN' } }),
      },
      'POST /api/v1/events/{id}/participants/{participantId}/erasure': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: async () => {
          participant = await makeParticipant(t, admin(), 'audit-event');
          return [
            [403, { as: 'stateEditor', path: `${ev('audit-event')}/participants/${participant}/erasure` }],
            [404, { path: `${ev('audit-event')}/participants/999999/erasure` }],
          ];
        },
        call: () => ({ path: `${ev('audit-event')}/participants/${participant}/erasure` }),
        expect: () => ({ useCase: 'events.participant-erase', action: 'update', entityKind: 'event-participant', entityId: `audit-event/${participant}`, after: { erased: true } }),
      },
      'POST /api/v1/events/{id}/actions': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: () => [
          [403, { as: 'stateEditor', path: `${ev('audit-event')}/actions`, body: ACTION }],
          [400, { path: `${ev('audit-event')}/actions`, body: { ...ACTION, due: '2026-02-30' } }],
        ],
        call: () => ({ path: `${ev('audit-event')}/actions`, body: ACTION }),
        expect: (answer) => ({ useCase: 'events.action-add', action: 'create', entityKind: 'event-action', entityId: `audit-event/${answer.body.id}`, after: { owner: 'OHCHR' } }),
      },
      'PATCH /api/v1/events/{id}/actions/{actionId}': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: async () => {
          action = await makeAction(t, admin(), 'audit-event');
          return [
            [403, { as: 'stateEditor', method: 'PATCH', path: `${ev('audit-event')}/actions/${action}`, body: { status: 'done' } }],
            [400, { method: 'PATCH', path: `${ev('audit-event')}/actions/${action}`, body: { status: 'finished' } }],
            [404, { method: 'PATCH', path: `${ev('audit-event')}/actions/999999`, body: { status: 'done' } }],
          ];
        },
        call: () => ({ method: 'PATCH', path: `${ev('audit-event')}/actions/${action}`, body: { status: 'done' } }),
        expect: () => ({ useCase: 'events.action-update', action: 'update', entityKind: 'event-action', entityId: `audit-event/${action}`, before: { status: 'open' }, after: { status: 'done' } }),
      },
      'DELETE /api/v1/events/{id}': {
        as: 'admin',
        record: () => ev('audit-event'),
        failures: async () => [
          [428, { method: 'DELETE', path: ev('audit-event') }],
          [412, { method: 'DELETE', path: ev('audit-event'), ifMatch: STALE }],
          [403, { as: 'stateEditor', method: 'DELETE', path: ev('audit-event'), ifMatch: await version(ev('audit-event')) }],
          [409, { method: 'DELETE', path: ev('asia-pacific-workshop-12'), ifMatch: await version(ev('asia-pacific-workshop-12')) }],
        ],
        call: async () => ({ method: 'DELETE', path: ev('audit-event'), ifMatch: await version(ev('audit-event')) }),
        expect: () => ({ useCase: 'events.delete', action: 'delete', entityKind: 'event', entityId: 'audit-event', before: { city: undefined } }),
      },
      'POST /api/v1/exchange-series': {
        as: 'admin',
        record: () => '/api/v1/exchange-series/audit-exchange-series',
        failures: () => [
          [403, { as: 'stateEditor', path: '/api/v1/exchange-series', body: newExchangeSeries('audit-exchange-series') }],
          [400, { path: '/api/v1/exchange-series', body: { ...newExchangeSeries('audit-exchange-series'), title: '' } }],
        ],
        call: () => ({ path: '/api/v1/exchange-series', body: newExchangeSeries('audit-exchange-series') }),
        expect: () => ({ useCase: 'exchange-series.create', action: 'create', entityKind: 'exchange-series', entityId: 'audit-exchange-series' }),
      },
      'PATCH /api/v1/exchange-series/{id}': {
        as: 'admin',
        record: () => '/api/v1/exchange-series/audit-exchange-series',
        failures: async () => [
          [428, { method: 'PATCH', path: '/api/v1/exchange-series/audit-exchange-series', body: { note: 'n', source: EXCHANGE_SOURCE } }],
          [412, { method: 'PATCH', path: '/api/v1/exchange-series/audit-exchange-series', body: { note: 'n', source: EXCHANGE_SOURCE }, ifMatch: STALE }],
          [
            403,
            {
              as: 'stateEditor',
              method: 'PATCH',
              path: '/api/v1/exchange-series/audit-exchange-series',
              body: { note: 'n', source: EXCHANGE_SOURCE },
              ifMatch: await version('/api/v1/exchange-series/audit-exchange-series'),
            },
          ],
        ],
        call: async () => ({
          method: 'PATCH',
          path: '/api/v1/exchange-series/audit-exchange-series',
          body: { note: 'Held each year', source: EXCHANGE_SOURCE },
          ifMatch: await version('/api/v1/exchange-series/audit-exchange-series'),
        }),
        expect: () => ({
          useCase: 'exchange-series.update',
          action: 'update',
          entityKind: 'exchange-series',
          entityId: 'audit-exchange-series',
          before: { note: null },
          after: { note: 'Held each year' },
        }),
      },
      'POST /api/v1/exchanges': {
        as: 'admin',
        record: () => xc('audit-exchange'),
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/exchanges', body: newExchangeBody('audit-exchange') }],
          [403, { as: 'stateEditor', path: '/api/v1/exchanges', body: newExchangeBody('audit-exchange') }],
          [400, { path: '/api/v1/exchanges', body: { ...newExchangeBody('audit-exchange'), end: '2026-03-01' } }],
          [
            400,
            {
              path: '/api/v1/exchanges',
              body: {
                ...newExchangeBody('audit-exchange'),
                parties: [
                  { side: 'un', unBody: 'ohchr' },
                  { side: 'regional', organizationId: 'atlantis' },
                ],
              },
            },
          ],
        ],
        call: () => ({ path: '/api/v1/exchanges', body: newExchangeBody('audit-exchange') }),
        expect: () => ({ useCase: 'exchanges.create', action: 'create', entityKind: 'exchange', entityId: 'audit-exchange', after: { city: 'Addis Ababa' } }),
      },
      'PATCH /api/v1/exchanges/{id}': {
        as: 'admin',
        record: () => xc('audit-exchange'),
        failures: async () => [
          [428, { method: 'PATCH', path: xc('audit-exchange'), body: { city: 'Nairobi', source: EXCHANGE_SOURCE } }],
          [412, { method: 'PATCH', path: xc('audit-exchange'), body: { city: 'Nairobi', source: EXCHANGE_SOURCE }, ifMatch: STALE }],
          [400, { method: 'PATCH', path: xc('audit-exchange'), body: { kind: 'picnic', source: EXCHANGE_SOURCE }, ifMatch: await version(xc('audit-exchange')) }],
          [403, { as: 'stateEditor', method: 'PATCH', path: xc('audit-exchange'), body: { city: 'Nairobi', source: EXCHANGE_SOURCE }, ifMatch: await version(xc('audit-exchange')) }],
          [404, { method: 'PATCH', path: xc('no-such-exchange'), body: { city: 'Nairobi', source: EXCHANGE_SOURCE }, ifMatch: '"v1"' }],
        ],
        call: async () => ({ method: 'PATCH', path: xc('audit-exchange'), body: { city: 'Nairobi', source: EXCHANGE_SOURCE }, ifMatch: await version(xc('audit-exchange')) }),
        expect: () => ({ useCase: 'exchanges.update', action: 'update', entityKind: 'exchange', entityId: 'audit-exchange', before: { city: 'Addis Ababa' }, after: { city: 'Nairobi' } }),
      },
      'POST /api/v1/report-drafts': {
        as: 'admin',
        record: () => '/api/v1/report-drafts',
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/report-drafts', body: DRAFT_BODY }],
          [403, { as: 'stateEditor', path: '/api/v1/report-drafts', body: DRAFT_BODY }],
          [400, { path: '/api/v1/report-drafts', body: { ...DRAFT_BODY, asOf: '2006-02-30' } }],
          [400, { path: '/api/v1/report-drafts', body: { ...DRAFT_BODY, regions: ['999'] } }],
        ],
        call: () => ({ path: '/api/v1/report-drafts', body: DRAFT_BODY }),
        expect: (answer) => ({
          useCase: 'report-drafts.create',
          action: 'create',
          entityKind: 'report-draft',
          entityId: answer.body.id,
          after: { session: 61, regions: ['002'], periodStart: '2005-07-01' },
        }),
      },
      'PATCH /api/v1/report-drafts/{id}': {
        as: 'admin',
        record: () => `/api/v1/report-drafts/${draft}`,
        failures: async () => [
          [428, { method: 'PATCH', path: `/api/v1/report-drafts/${draft}`, body: { lang: 'fr' } }],
          [412, { method: 'PATCH', path: `/api/v1/report-drafts/${draft}`, body: { lang: 'fr' }, ifMatch: STALE }],
          [400, { method: 'PATCH', path: `/api/v1/report-drafts/${draft}`, body: { lang: 'de' }, ifMatch: await version(`/api/v1/report-drafts/${draft}`) }],
          [403, { as: 'stateEditor', method: 'PATCH', path: `/api/v1/report-drafts/${draft}`, body: { lang: 'fr' }, ifMatch: await version(`/api/v1/report-drafts/${draft}`) }],
          [404, { method: 'PATCH', path: '/api/v1/report-drafts/rd-nosuchdraft', body: { lang: 'fr' }, ifMatch: '"v1"' }],
        ],
        call: async () => ({ method: 'PATCH', path: `/api/v1/report-drafts/${draft}`, body: { lang: 'fr' }, ifMatch: await version(`/api/v1/report-drafts/${draft}`) }),
        expect: () => ({ useCase: 'report-drafts.update', action: 'update', entityKind: 'report-draft', entityId: draft, before: { lang: 'en' }, after: { lang: 'fr' } }),
      },
      'PUT /api/v1/report-drafts/{id}/sections/{section}': {
        as: 'admin',
        record: () => `/api/v1/report-drafts/${draft}`,
        failures: async () => [
          [428, { path: `/api/v1/report-drafts/${draft}/sections/conclusions`, body: { text: 'Our conclusions.', basedOn: BASED_ON } }],
          [412, { path: `/api/v1/report-drafts/${draft}/sections/conclusions`, body: { text: 'Our conclusions.', basedOn: BASED_ON }, ifMatch: STALE }],
          [400, { path: `/api/v1/report-drafts/${draft}/sections/conclusions`, body: { text: 'Our conclusions.\n\n[[table 9]]', basedOn: BASED_ON }, ifMatch: await version(draftPath()) }],
          [400, { path: `/api/v1/report-drafts/${draft}/sections/conclusions`, body: { text: 'Our conclusions.', basedOn: 'not a fingerprint' }, ifMatch: await version(draftPath()) }],
          [403, { as: 'stateEditor', path: `/api/v1/report-drafts/${draft}/sections/conclusions`, body: { text: 'Our conclusions.', basedOn: BASED_ON }, ifMatch: await version(draftPath()) }],
          [404, { path: `/api/v1/report-drafts/${draft}/sections/annexes`, body: { text: 'Our conclusions.', basedOn: BASED_ON }, ifMatch: await version(draftPath()) }],
          [404, { path: '/api/v1/report-drafts/rd-nosuchdraft/sections/conclusions', body: { text: 'Our conclusions.', basedOn: BASED_ON }, ifMatch: '"v1"' }],
        ],
        call: async () => ({ path: `/api/v1/report-drafts/${draft}/sections/conclusions`, body: { text: 'Our conclusions.', basedOn: BASED_ON }, ifMatch: await version(draftPath()) }),
        expect: () => ({ useCase: 'report-drafts.rewrite-section', action: 'update', entityKind: 'report-draft', entityId: draft, after: { section: 'conclusions', text: 'Our conclusions.' } }),
      },
      'POST /api/v1/report-drafts/{id}/versions': {
        as: 'admin',
        record: () => `/api/v1/report-drafts/${draft}`,
        failures: async () => [
          [428, { path: `/api/v1/report-drafts/${draft}/versions`, body: {} }],
          [412, { path: `/api/v1/report-drafts/${draft}/versions`, body: {}, ifMatch: STALE }],
          [400, { path: `/api/v1/report-drafts/${draft}/versions`, body: { note: 'x'.repeat(1001) }, ifMatch: await version(draftPath()) }],
          [403, { as: 'stateEditor', path: `/api/v1/report-drafts/${draft}/versions`, body: {}, ifMatch: await version(draftPath()) }],
          [404, { path: '/api/v1/report-drafts/rd-nosuchdraft/versions', body: {}, ifMatch: '"v1"' }],
        ],
        call: async () => ({ path: `/api/v1/report-drafts/${draft}/versions`, body: { note: 'audited' }, ifMatch: await version(draftPath()) }),
        expect: () => ({
          useCase: 'report-drafts.save-version',
          action: 'create',
          entityKind: 'report-draft-version',
          entityId: `${draft}/1`,
          after: { number: 1, note: 'audited', rewritten: ['conclusions'] },
        }),
      },
      'DELETE /api/v1/report-drafts/{id}/sections/{section}': {
        as: 'admin',
        record: () => `/api/v1/report-drafts/${draft}`,
        failures: async () => [
          [428, { method: 'DELETE', path: `/api/v1/report-drafts/${draft}/sections/conclusions` }],
          [412, { method: 'DELETE', path: `/api/v1/report-drafts/${draft}/sections/conclusions`, ifMatch: STALE }],
          [403, { as: 'stateEditor', method: 'DELETE', path: `/api/v1/report-drafts/${draft}/sections/conclusions`, ifMatch: await version(draftPath()) }],
          [404, { method: 'DELETE', path: `/api/v1/report-drafts/${draft}/sections/annexes`, ifMatch: await version(draftPath()) }],
        ],
        call: async () => ({ method: 'DELETE', path: `/api/v1/report-drafts/${draft}/sections/conclusions`, ifMatch: await version(draftPath()) }),
        expect: () => ({
          useCase: 'report-drafts.restore-section',
          action: 'update',
          entityKind: 'report-draft',
          entityId: draft,
          before: { section: 'conclusions', text: 'Our conclusions.' },
          after: { text: null },
        }),
      },
      'DELETE /api/v1/report-drafts/{id}': {
        as: 'admin',
        record: () => `/api/v1/report-drafts/${doomedDraft}`,
        failures: () => [
          [428, { method: 'DELETE', path: `/api/v1/report-drafts/${doomedDraft}` }],
          [412, { method: 'DELETE', path: `/api/v1/report-drafts/${doomedDraft}`, ifMatch: STALE }],
          [401, { as: 'anonymous', method: 'DELETE', path: `/api/v1/report-drafts/${doomedDraft}`, ifMatch: '"v1"' }],
          [404, { method: 'DELETE', path: '/api/v1/report-drafts/rd-nosuchdraft', ifMatch: '"v1"' }],
        ],
        call: () => ({ method: 'DELETE', path: `/api/v1/report-drafts/${doomedDraft}`, ifMatch: '"v1"' }),
        expect: () => ({ useCase: 'report-drafts.delete', action: 'delete', entityKind: 'report-draft', entityId: doomedDraft, before: { name: DRAFT_BODY.name } }),
      },
      'POST /api/v1/resolutions': {
        as: 'admin',
        record: () => `/api/v1/resolutions/${ID_2004}`,
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/resolutions', body: body2004() }],
          [403, { as: 'stateEditor', path: '/api/v1/resolutions', body: body2004() }],
          [400, { path: '/api/v1/resolutions', body: { ...body2004(), text: 'Shopping list: milk, eggs.' } }],
        ],
        call: () => ({ path: '/api/v1/resolutions', body: body2004() }),
        expect: () => ({ useCase: 'resolutions.import', action: 'import', entityKind: 'resolution', entityId: ID_2004, after: { key: KEY_2004, operative: 14 } }),
      },
      'PATCH /api/v1/mandates/{id}': {
        as: 'admin',
        record: () => `/api/v1/mandates/${ID_2004}.op13`,
        failures: async () => [
          [428, { method: 'PATCH', path: `/api/v1/mandates/${ID_2004}.op13`, body: { status: 'in-progress' } }],
          [412, { method: 'PATCH', path: `/api/v1/mandates/${ID_2004}.op13`, body: { status: 'in-progress' }, ifMatch: STALE }],
          [400, { method: 'PATCH', path: `/api/v1/mandates/${ID_2004}.op13`, body: { status: 'answered' }, ifMatch: await version(`/api/v1/mandates/${ID_2004}.op13`) }],
          [403, { as: 'stateEditor', method: 'PATCH', path: `/api/v1/mandates/${ID_2004}.op13`, body: { status: 'in-progress' }, ifMatch: await version(`/api/v1/mandates/${ID_2004}.op13`) }],
          [404, { method: 'PATCH', path: '/api/v1/mandates/no-such.op1', body: { status: 'in-progress' }, ifMatch: '"v1"' }],
        ],
        call: async () => ({ method: 'PATCH', path: `/api/v1/mandates/${ID_2004}.op13`, body: { status: 'in-progress' }, ifMatch: await version(`/api/v1/mandates/${ID_2004}.op13`) }),
        expect: () => ({ useCase: 'mandates.update', action: 'update', entityKind: 'mandate', entityId: `${ID_2004}.op13`, before: { status: 'open' }, after: { status: 'in-progress' } }),
      },
      'DELETE /api/v1/exchanges/{id}': {
        as: 'admin',
        record: () => xc('audit-exchange'),
        failures: async () => [
          [428, { method: 'DELETE', path: xc('audit-exchange') }],
          [412, { method: 'DELETE', path: xc('audit-exchange'), ifMatch: STALE }],
          [403, { as: 'stateEditor', method: 'DELETE', path: xc('audit-exchange'), ifMatch: await version(xc('audit-exchange')) }],
          [409, { method: 'DELETE', path: xc('tripartite-2003'), ifMatch: await version(xc('tripartite-2003')) }],
        ],
        call: async () => ({ method: 'DELETE', path: xc('audit-exchange'), ifMatch: await version(xc('audit-exchange')) }),
        expect: () => ({ useCase: 'exchanges.delete', action: 'delete', entityKind: 'exchange', entityId: 'audit-exchange' }),
      },
      'POST /api/v1/users/me/calendar-feed': {
        as: 'viewer',
        record: () => '/api/v1/events?limit=1',
        failures: () => [[401, { as: 'anonymous', path: '/api/v1/users/me/calendar-feed' }]],
        call: () => ({ path: '/api/v1/users/me/calendar-feed' }),
        expect: () => ({ useCase: 'calendar-feeds.create', action: 'create', entityKind: 'calendar-feed', entityId: as.accounts.viewer.id }),
      },
      'DELETE /api/v1/users/me/calendar-feed': {
        as: 'viewer',
        record: () => '/api/v1/events?limit=1',
        failures: () => [[401, { as: 'anonymous', method: 'DELETE', path: '/api/v1/users/me/calendar-feed' }]],
        call: () => ({ method: 'DELETE', path: '/api/v1/users/me/calendar-feed' }),
        expect: () => ({ useCase: 'calendar-feeds.revoke', action: 'delete', entityKind: 'calendar-feed', entityId: as.accounts.viewer.id }),
      },
      'POST /api/v1/organizations': {
        as: 'admin',
        record: () => '/api/v1/organizations/aes',
        failures: () => [
          [403, { as: 'ownEditor', path: '/api/v1/organizations', body: AES }],
          [400, { path: '/api/v1/organizations', body: { ...AES, website: 'javascript:alert(1)' } }],
          [400, { path: '/api/v1/organizations', body: { ...AES, id: 'au' } }],
        ],
        call: () => ({ path: '/api/v1/organizations', body: AES }),
        expect: () => ({
          useCase: 'organizations.create',
          action: 'create',
          entityKind: 'organization',
          entityId: 'aes',
          after: { id: 'aes', kind: 'subregional', founded: '2023-09-16', name: AES.name },
        }),
      },
      'PATCH /api/v1/organizations/{id}': {
        as: 'ownEditor',
        record: () => '/api/v1/organizations/au',
        failures: async () => [
          [428, { method: 'PATCH', path: '/api/v1/organizations/au', body: { website: 'https://au.int/en', source: AU_TREATIES } }],
          [412, { method: 'PATCH', path: '/api/v1/organizations/au', ifMatch: STALE, body: { website: 'https://au.int/en', source: AU_TREATIES } }],
          [400, { method: 'PATCH', path: '/api/v1/organizations/au', ifMatch: await version('/api/v1/organizations/au'), body: { website: 'javascript:alert(1)', source: AU_TREATIES } }],
          [
            403,
            { as: 'otherEditor', method: 'PATCH', path: '/api/v1/organizations/au', ifMatch: await version('/api/v1/organizations/au'), body: { website: 'https://au.int/en', source: AU_TREATIES } },
          ],
          [404, { method: 'PATCH', path: '/api/v1/organizations/nope', ifMatch: '"v1"', body: { website: 'https://au.int/en', source: AU_TREATIES } }],
        ],
        call: async () => ({ method: 'PATCH', path: '/api/v1/organizations/au', ifMatch: await version('/api/v1/organizations/au'), body: { website: 'https://au.int/en', source: AU_TREATIES } }),
        expect: () => ({ useCase: 'organizations.update', action: 'update', entityKind: 'organization', entityId: 'au', before: { website: AU_WEBSITE }, after: { website: 'https://au.int/en' } }),
      },
      'POST /api/v1/organizations/{id}/membership-events': {
        as: 'stateEditor',
        record: () => '/api/v1/organizations/au/history?limit=1000',
        failures: () => [
          [400, { path: '/api/v1/organizations/au/membership-events', body: { ...KENYA_JOINS_AU, date: '1963-02-29' } }],
          [403, { as: 'otherEditor', path: '/api/v1/organizations/au/membership-events', body: KENYA_JOINS_AU }],
          [404, { path: '/api/v1/organizations/nope/membership-events', body: KENYA_JOINS_AU }],
        ],
        call: () => ({ path: '/api/v1/organizations/au/membership-events', body: KENYA_JOINS_AU }),
        expect: (answer) => ({
          useCase: 'memberships.create',
          action: 'create',
          entityKind: 'membership-event',
          entityId: answer.body.id,
          after: { event: 'joined', date: '1963', note: KENYA_JOINS_AU.note },
        }),
      },
      'PATCH /api/v1/organizations/{id}/membership-events/{iso3}/{seq}': {
        as: 'stateEditor',
        record: () => '/api/v1/organizations/au/history?limit=1000',
        failures: async () => {
          const path = `/api/v1/organizations/au/membership-events/KEN/${eventSeq}`;
          const body = { note: 'OAU; joined after independence (COW IGO codes: 1963)', source: KENYA_JOINS_AU.source };
          const v = await eventIfMatch(t, admin(), 'au', 'KEN', eventSeq);
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, body, ifMatch: STALE }],
            [400, { method: 'PATCH', path, body: { ...body, event: 'expelled' }, ifMatch: v }],
            [403, { as: 'otherEditor', method: 'PATCH', path, body, ifMatch: v }],
            [404, { method: 'PATCH', path: '/api/v1/organizations/au/membership-events/KEN/999999', body, ifMatch: v }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: `/api/v1/organizations/au/membership-events/KEN/${eventSeq}`,
          ifMatch: await eventIfMatch(t, admin(), 'au', 'KEN', eventSeq),
          body: { note: 'OAU; joined after independence (COW IGO codes: 1963)', source: KENYA_JOINS_AU.source },
        }),
        expect: () => ({
          useCase: 'memberships.update',
          action: 'update',
          entityKind: 'membership-event',
          entityId: `au/KEN/${eventSeq}`,
          before: { note: KENYA_JOINS_AU.note },
          after: { note: 'OAU; joined after independence (COW IGO codes: 1963)' },
        }),
      },
      'DELETE /api/v1/organizations/{id}/membership-events/{iso3}/{seq}': {
        as: 'ownEditor',
        record: () => '/api/v1/organizations/au/history?limit=1000',
        failures: async () => {
          const path = `/api/v1/organizations/au/membership-events/KEN/${eventSeq}`;
          const v = await eventIfMatch(t, admin(), 'au', 'KEN', eventSeq);
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'otherEditor', method: 'DELETE', path, ifMatch: v }],
            [404, { method: 'DELETE', path: '/api/v1/organizations/au/membership-events/KEN/999999', ifMatch: v }],
          ];
        },
        call: async () => ({ method: 'DELETE', path: `/api/v1/organizations/au/membership-events/KEN/${eventSeq}`, ifMatch: await eventIfMatch(t, admin(), 'au', 'KEN', eventSeq) }),
        expect: () => ({ useCase: 'memberships.delete', action: 'delete', entityKind: 'membership-event', entityId: `au/KEN/${eventSeq}`, before: { event: 'joined', date: '1963' } }),
      },
      'POST /api/v1/imports/{kind}': {
        as: 'admin',
        record: () => '/api/v1/recommendations?state=KEN&facets=false',
        failures: () => [
          [403, { as: 'viewer', path: '/api/v1/imports/upr-info?filename=audit.csv', headers: { ...as.headers.viewer, 'Content-Type': 'text/csv' }, body: UPLOADED }],
          [400, { path: '/api/v1/imports/upr-info?filename=../audit.csv', headers: { ...admin(), 'Content-Type': 'text/csv' }, body: UPLOADED }],
          [400, { path: '/api/v1/imports/upr-info?filename=audit.csv', body: { text: 'not a file' } }],
        ],
        call: () => ({ path: '/api/v1/imports/upr-info?filename=audit.csv', headers: { ...admin(), 'Content-Type': 'text/csv' }, body: UPLOADED }),
        expect: () => ({ useCase: 'recommendations.import', action: 'import', entityKind: 'dataset', entityId: 'upr-info:recommendations:sessions-08-08', after: { stored: 1 } }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/statuses': {
        as: 'stateEditor',
        record: () => `/api/v1/recommendations/${recommendation}/follow-up`,
        failures: () => [
          [401, { as: 'anonymous', path: `/api/v1/recommendations/${recommendation}/follow-up/statuses`, body: FOLLOW_UP_BODIES.statuses }],
          [403, { as: 'ownEditor', path: `/api/v1/recommendations/${recommendation}/follow-up/statuses`, body: FOLLOW_UP_BODIES.statuses }],
          [400, { path: `/api/v1/recommendations/${recommendation}/follow-up/statuses`, body: { ...FOLLOW_UP_BODIES.statuses, holdsFrom: '2024-13' } }],
          [404, { path: '/api/v1/recommendations/upr-none/follow-up/statuses', body: FOLLOW_UP_BODIES.statuses }],
        ],
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/statuses`, body: FOLLOW_UP_BODIES.statuses }),
        expect: () => ({ useCase: 'follow-up.status', action: 'create', entityKind: 'recommendation-follow-up', entityId: recommendation, after: { confidentiality: 'public', audience: [] } }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/entities': {
        as: 'stateEditor',
        record: () => `/api/v1/recommendations/${recommendation}/follow-up`,
        failures: () => [
          [401, { as: 'anonymous', path: `/api/v1/recommendations/${recommendation}/follow-up/entities`, body: FOLLOW_UP_BODIES.entities }],
          [403, { as: 'ownEditor', path: `/api/v1/recommendations/${recommendation}/follow-up/entities`, body: FOLLOW_UP_BODIES.entities }],
          [400, { path: `/api/v1/recommendations/${recommendation}/follow-up/entities`, body: { ...FOLLOW_UP_BODIES.entities, state: 'FRA' } }],
          [404, { path: '/api/v1/recommendations/upr-none/follow-up/entities', body: FOLLOW_UP_BODIES.entities }],
        ],
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/entities`, body: FOLLOW_UP_BODIES.entities }),
        expect: () => ({ useCase: 'follow-up.entity', action: 'create', entityKind: 'recommendation-follow-up', entityId: recommendation, after: { confidentiality: 'public', audience: [] } }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/actions': {
        as: 'stateEditor',
        record: () => `/api/v1/recommendations/${recommendation}/follow-up`,
        failures: () => [
          [401, { as: 'anonymous', path: `/api/v1/recommendations/${recommendation}/follow-up/actions`, body: FOLLOW_UP_BODIES.actions }],
          [403, { as: 'ownEditor', path: `/api/v1/recommendations/${recommendation}/follow-up/actions`, body: FOLLOW_UP_BODIES.actions }],
          [400, { path: `/api/v1/recommendations/${recommendation}/follow-up/actions`, body: { ...FOLLOW_UP_BODIES.actions, evidenceUrl: 'javascript:alert(1)' } }],
          [404, { path: '/api/v1/recommendations/upr-none/follow-up/actions', body: FOLLOW_UP_BODIES.actions }],
        ],
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/actions`, body: FOLLOW_UP_BODIES.actions }),
        expect: () => ({ useCase: 'follow-up.action', action: 'create', entityKind: 'recommendation-follow-up', entityId: recommendation, after: { confidentiality: 'public', audience: [] } }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/projects': {
        as: 'stateEditor',
        record: () => `/api/v1/recommendations/${recommendation}/follow-up`,
        failures: () => [
          [401, { as: 'anonymous', path: `/api/v1/recommendations/${recommendation}/follow-up/projects`, body: FOLLOW_UP_BODIES.projects }],
          [403, { as: 'ownEditor', path: `/api/v1/recommendations/${recommendation}/follow-up/projects`, body: FOLLOW_UP_BODIES.projects }],
          [400, { path: `/api/v1/recommendations/${recommendation}/follow-up/projects`, body: { ...FOLLOW_UP_BODIES.projects, url: 'not an address' } }],
          [404, { path: '/api/v1/recommendations/upr-none/follow-up/projects', body: FOLLOW_UP_BODIES.projects }],
        ],
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/projects`, body: FOLLOW_UP_BODIES.projects }),
        expect: () => ({ useCase: 'follow-up.project', action: 'create', entityKind: 'recommendation-follow-up', entityId: recommendation, after: { confidentiality: 'public', audience: [] } }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/{part}/{entryId}/withdrawal': {
        as: 'stateEditor',
        record: () => `/api/v1/recommendations/${recommendation}/follow-up`,
        failures: async () => {
          withdrawable = await withdrawalPath(t, admin(), recommendation);
          const withdrawn = await withdrawalPath(t, admin(), recommendation);
          assert.equal((await ask(t, 'POST', withdrawn, admin(), WITHDRAWAL)).status, 200);
          const entry = withdrawable.split('/').at(-2)!;
          return [
            [401, { as: 'anonymous', path: withdrawable, body: WITHDRAWAL }],
            [403, { as: 'ownEditor', path: withdrawable, body: WITHDRAWAL }],
            [400, { path: withdrawable, body: { reason: '  ' } }],
            [404, { path: `/api/v1/recommendations/upr-none/follow-up/statuses/${entry}/withdrawal`, body: WITHDRAWAL }],
            [404, { path: withdrawable.replace(`/${entry}/`, '/999999999/'), body: WITHDRAWAL }],
            [409, { path: withdrawn, body: WITHDRAWAL }],
          ];
        },
        call: () => ({ path: withdrawable, body: WITHDRAWAL }),
        expect: () => ({
          useCase: 'follow-up.withdraw',
          action: 'update',
          entityKind: 'recommendation-follow-up',
          // The entry before and after, under the same field (`status`): the check of updates below compares their fields.
          entityId: recommendation,
        }),
      },
      'POST /api/v1/follow-up/assignments': {
        as: 'stateEditor',
        record: () => `/api/v1/recommendations/${recommendation}/follow-up`,
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/follow-up/assignments', body: kenyaAssignment(9) }],
          [403, { as: 'ownEditor', path: '/api/v1/follow-up/assignments', body: kenyaAssignment(9) }],
          // The session's recommendations to France are out of Kenya's editor's reach: the whole assignment is refused.
          [403, { path: '/api/v1/follow-up/assignments', body: { ...kenyaAssignment(9), filter: { session: '9' } } }],
          [400, { path: '/api/v1/follow-up/assignments', body: { ...kenyaAssignment(9), status: { status: 'done', holdsFrom: '2023' } } }],
        ],
        call: () => ({ path: '/api/v1/follow-up/assignments', body: kenyaAssignment(9) }),
        expect: () => ({
          useCase: 'follow-up.bulk',
          action: 'create',
          entityKind: 'recommendation-follow-up',
          entityId: null as unknown as string,
          after: { count: 1, recommendations: [recommendation] },
        }),
      },
      'POST /api/v1/instruments': {
        as: 'ownEditor',
        record: () => '/api/v1/instruments/ACDEG',
        failures: () => [
          [403, { as: 'otherEditor', path: '/api/v1/instruments', body: AU_INSTRUMENTS[0] }],
          [400, { path: '/api/v1/instruments', body: { ...AU_INSTRUMENTS[0], parentCode: 'NOPE' } }],
          [400, { path: '/api/v1/instruments', body: { ...AU_INSTRUMENTS[0], code: 'ACHPR' } }],
        ],
        call: () => ({ path: '/api/v1/instruments', body: AU_INSTRUMENTS[0] }),
        expect: () => ({
          useCase: 'instruments.create',
          action: 'create',
          entityKind: 'instrument',
          entityId: 'ACDEG',
          after: { code: 'ACDEG', adopted: '2007-01-30', entryIntoForce: '2012-02-15', organizationId: 'au' },
        }),
      },
      'PATCH /api/v1/instruments/{code}': {
        as: 'admin',
        record: () => '/api/v1/instruments/ACHPR',
        failures: async () => {
          const body = { depositary: 'Chairperson of the African Union Commission', source: AU_TREATIES };
          return [
            [428, { method: 'PATCH', path: '/api/v1/instruments/ACHPR', body }],
            [412, { method: 'PATCH', path: '/api/v1/instruments/ACHPR', body, ifMatch: STALE }],
            [400, { method: 'PATCH', path: '/api/v1/instruments/ACHPR', body: { ...body, adopted: '0000-00-00' }, ifMatch: await version('/api/v1/instruments/ACHPR') }],
            [403, { as: 'stateEditor', method: 'PATCH', path: '/api/v1/instruments/ACHPR', body, ifMatch: await version('/api/v1/instruments/ACHPR') }],
            [404, { method: 'PATCH', path: '/api/v1/instruments/NOPE', body, ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: '/api/v1/instruments/ACHPR',
          ifMatch: await version('/api/v1/instruments/ACHPR'),
          body: { depositary: 'Chairperson of the African Union Commission', source: AU_TREATIES },
        }),
        expect: () => ({
          useCase: 'instruments.update',
          action: 'update',
          entityKind: 'instrument',
          entityId: 'ACHPR',
          before: { depositary: null },
          after: { depositary: 'Chairperson of the African Union Commission' },
        }),
      },
      'POST /api/v1/mechanisms': {
        as: 'ownEditor',
        record: () => '/api/v1/mechanisms/APRM',
        failures: () => [
          [403, { as: 'otherEditor', path: '/api/v1/mechanisms', body: AU_MECHANISMS[0] }],
          [400, { path: '/api/v1/mechanisms', body: { ...AU_MECHANISMS[0], coverageOrganization: null } }],
        ],
        call: () => ({ path: '/api/v1/mechanisms', body: AU_MECHANISMS[0] }),
        expect: () => ({
          useCase: 'mechanisms.create',
          action: 'create',
          entityKind: 'mechanism',
          entityId: 'APRM',
          after: { code: 'APRM', seatCity: 'Midrand', seatIso3: 'ZAF', coverageOrganization: 'au' },
        }),
      },
      'PATCH /api/v1/mechanisms/{code}': {
        as: 'admin',
        record: () => '/api/v1/mechanisms/ACHPR-COMM',
        failures: async () => {
          const body = { seatCity: 'Banjul', seatIso3: 'GMB', source: AU_TREATIES };
          return [
            [428, { method: 'PATCH', path: '/api/v1/mechanisms/ACHPR-COMM', body }],
            [412, { method: 'PATCH', path: '/api/v1/mechanisms/ACHPR-COMM', body, ifMatch: STALE }],
            [400, { method: 'PATCH', path: '/api/v1/mechanisms/ACHPR-COMM', body: { ...body, seatIso3: 'XXX' }, ifMatch: await version('/api/v1/mechanisms/ACHPR-COMM') }],
            [403, { as: 'viewer', method: 'PATCH', path: '/api/v1/mechanisms/ACHPR-COMM', body, ifMatch: await version('/api/v1/mechanisms/ACHPR-COMM') }],
            [404, { method: 'PATCH', path: '/api/v1/mechanisms/NOPE', body, ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: '/api/v1/mechanisms/ACHPR-COMM',
          ifMatch: await version('/api/v1/mechanisms/ACHPR-COMM'),
          body: { seatCity: 'Banjul, The Gambia', source: AU_TREATIES },
        }),
        expect: () => ({ useCase: 'mechanisms.update', action: 'update', entityKind: 'mechanism', entityId: 'ACHPR-COMM', before: { seatCity: 'Banjul' }, after: { seatCity: 'Banjul, The Gambia' } }),
      },
      'PUT /api/v1/recommendations/{id}/instrument-links/{instrument}/{action}/review': {
        as: 'admin',
        record: () => `/api/v1/recommendations/${LINKED_ID}`,
        failures: async () => {
          const body = { verdict: 'confirmed' };
          return [
            [428, { method: 'PUT', path: LINK_REVIEW_PATH, body }],
            [412, { method: 'PUT', path: LINK_REVIEW_PATH, body, ifMatch: STALE }],
            [400, { method: 'PUT', path: LINK_REVIEW_PATH, body: { verdict: 'maybe' }, ifMatch: await linkIfMatch(t) }],
            [403, { as: 'viewer', method: 'PUT', path: LINK_REVIEW_PATH, body, ifMatch: await linkIfMatch(t) }],
            [404, { method: 'PUT', path: '/api/v1/recommendations/upr-none/instrument-links/CRPD/ratify/review', body, ifMatch: '"v0"' }],
          ];
        },
        call: async () => ({ method: 'PUT', path: LINK_REVIEW_PATH, ifMatch: await linkIfMatch(t), body: { verdict: 'confirmed', note: 'the text asks it' } }),
        expect: () => ({
          useCase: 'recommendations.review-link',
          action: 'create',
          entityKind: 'recommendation-link',
          entityId: `${LINKED_ID}/CRPD/ratify`,
          after: { verdict: 'confirmed', note: 'the text asks it' },
        }),
      },
      'POST /api/v1/treaty-actions': {
        as: 'stateEditor',
        record: () => '/api/v1/data-quality/datasets?limit=1000',
        failures: () => [
          [403, { as: 'otherEditor', path: '/api/v1/treaty-actions', body: KENYA_RATIFIES_ACHPR }],
          [400, { path: '/api/v1/treaty-actions', body: { ...KENYA_RATIFIES_ACHPR, procedure: 'echr-art46' } }],
          [404, { path: '/api/v1/treaty-actions', body: { ...KENYA_RATIFIES_ACHPR, instrument: 'NOPE' } }],
        ],
        call: () => ({ path: '/api/v1/treaty-actions', body: KENYA_RATIFIES_ACHPR }),
        expect: (answer) => ({
          useCase: 'treaty-actions.create',
          action: 'create',
          entityKind: 'treaty-action',
          entityId: answer.body.id,
          after: { instrument: 'ACHPR', participant: 'KEN', kind: 'ratification', date: '1992-02-10' },
        }),
      },
      'PATCH /api/v1/treaty-actions/{instrument}/{seq}': {
        as: 'stateEditor',
        record: () => `/api/v1/treaty-actions/ACHPR/${actSeq}`,
        failures: async () => {
          const path = `/api/v1/treaty-actions/ACHPR/${actSeq}`;
          const body = { note: 'deposit; ratified on 23 January 1992', source: KENYA_RATIFIES_ACHPR.source };
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, body, ifMatch: STALE }],
            [400, { method: 'PATCH', path, body: { ...body, date: '1992-02-30' }, ifMatch: await version(path) }],
            [403, { as: 'otherEditor', method: 'PATCH', path, body, ifMatch: await version(path) }],
            [404, { method: 'PATCH', path: '/api/v1/treaty-actions/ACHPR/999999', body, ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: `/api/v1/treaty-actions/ACHPR/${actSeq}`,
          ifMatch: await version(`/api/v1/treaty-actions/ACHPR/${actSeq}`),
          body: { note: 'deposit; ratified on 23 January 1992', source: KENYA_RATIFIES_ACHPR.source },
        }),
        expect: () => ({
          useCase: 'treaty-actions.update',
          action: 'update',
          entityKind: 'treaty-action',
          entityId: `edit:ACHPR/${actSeq}`,
          before: { note: null },
          after: { note: 'deposit; ratified on 23 January 1992' },
        }),
      },
      'DELETE /api/v1/treaty-actions/{instrument}/{seq}': {
        as: 'admin',
        record: () => `/api/v1/treaty-actions/ACHPR/${actSeq}`,
        failures: async () => {
          const path = `/api/v1/treaty-actions/ACHPR/${actSeq}`;
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'otherEditor', method: 'DELETE', path, ifMatch: await version(path) }],
            [404, { method: 'DELETE', path: '/api/v1/treaty-actions/ACHPR/999999', ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({ method: 'DELETE', path: `/api/v1/treaty-actions/ACHPR/${actSeq}`, ifMatch: await version(`/api/v1/treaty-actions/ACHPR/${actSeq}`) }),
        expect: () => ({ useCase: 'treaty-actions.delete', action: 'delete', entityKind: 'treaty-action', entityId: `edit:ACHPR/${actSeq}` }),
      },

      'POST /api/v1/projects': {
        as: 'admin',
        record: () => '/api/v1/projects?limit=1000',
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/projects', body: AUDIT_PROJECT }],
          [403, { as: 'ownEditor', path: '/api/v1/projects', body: AUDIT_PROJECT }],
          [400, { path: '/api/v1/projects', body: { ...AUDIT_PROJECT, budget: [{ ...AUDIT_PROJECT.budget[0], currency: 'XYZ' }] } }],
        ],
        call: () => ({ path: '/api/v1/projects', body: AUDIT_PROJECT }),
        expect: () => ({ useCase: 'projects.create', action: 'create', entityKind: 'project', entityId: 'audit-project', after: { title: AUDIT_PROJECT.title, status: 'pipeline' } }),
      },
      // A file of one activity: one project created, one audit record (a file of n activities adds n).
      'POST /api/v1/iati/activities': {
        as: 'admin',
        record: () => '/api/v1/projects?limit=1000',
        failures: () => [
          [401, { as: 'anonymous', path: IATI_UPLOAD_PATH, headers: asXml(as.headers.anonymous), body: IATI_FILE }],
          [403, { as: 'viewer', path: IATI_UPLOAD_PATH, headers: asXml(as.headers.viewer), body: IATI_FILE }],
          [422, { path: IATI_UPLOAD_PATH, headers: asXml(admin()), body: IATI_FILE_REFUSED }],
          [400, { path: IATI_UPLOAD_PATH, body: { text: 'not a file' } }],
        ],
        call: () => ({ path: IATI_UPLOAD_PATH, headers: asXml(admin()), body: IATI_FILE }),
        expect: (answer) => ({
          useCase: 'projects.create',
          action: 'create',
          entityKind: 'project',
          entityId: answer.body.projects[0].id,
          after: { iatiIdentifier: 'XM-DAC-41313-TC-APAC-2024-001', status: 'implementation' },
        }),
      },
      'PATCH /api/v1/projects/{id}': {
        as: 'admin',
        record: () => '/api/v1/projects/audit-project',
        failures: async () => {
          const path = '/api/v1/projects/audit-project';
          const body = { status: 'implementation', source: FICTIONAL_SOURCE };
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, body, ifMatch: STALE }],
            [400, { method: 'PATCH', path, body: { ...body, plannedEnd: '2023-01-01' }, ifMatch: await version(path) }],
            [403, { as: 'stateEditor', method: 'PATCH', path, body, ifMatch: await version(path) }],
            [404, { method: 'PATCH', path: '/api/v1/projects/nope', body, ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: '/api/v1/projects/audit-project',
          ifMatch: await version('/api/v1/projects/audit-project'),
          body: { status: 'implementation', source: FICTIONAL_SOURCE },
        }),
        expect: () => ({ useCase: 'projects.update', action: 'update', entityKind: 'project', entityId: 'audit-project', before: { status: 'pipeline' }, after: { status: 'implementation' } }),
      },
      'DELETE /api/v1/projects/{id}': {
        as: 'admin',
        record: () => '/api/v1/projects/audit-project',
        failures: async () => {
          const path = '/api/v1/projects/audit-project';
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'ownEditor', method: 'DELETE', path, ifMatch: await version(path) }],
            [404, { method: 'DELETE', path: '/api/v1/projects/nope', ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({ method: 'DELETE', path: '/api/v1/projects/audit-project', ifMatch: await version('/api/v1/projects/audit-project') }),
        expect: () => ({ useCase: 'projects.delete', action: 'delete', entityKind: 'project', entityId: 'audit-project', before: { title: AUDIT_PROJECT.title } }),
      },
      'POST /api/v1/funding-agreements': {
        as: 'admin',
        record: () => '/api/v1/funding-agreements?limit=1000',
        failures: () => [
          [403, { as: 'viewer', path: '/api/v1/funding-agreements', body: AUDIT_AGREEMENT }],
          [400, { path: '/api/v1/funding-agreements', body: { ...AUDIT_AGREEMENT, currency: null } }],
        ],
        call: () => ({ path: '/api/v1/funding-agreements', body: AUDIT_AGREEMENT }),
        expect: () => ({
          useCase: 'funding-agreements.create',
          action: 'create',
          entityKind: 'funding-agreement',
          entityId: 'audit-agreement',
          after: { title: AUDIT_AGREEMENT.title, amount: '1000.00' },
        }),
      },
      'PATCH /api/v1/funding-agreements/{id}': {
        as: 'admin',
        record: () => '/api/v1/funding-agreements/audit-agreement',
        failures: async () => {
          const path = '/api/v1/funding-agreements/audit-agreement';
          const body = { reference: 'TEST/2', source: FICTIONAL_SOURCE };
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, body, ifMatch: STALE }],
            [400, { method: 'PATCH', path, body: { ...body, endDate: '2000' }, ifMatch: await version(path) }],
            [403, { as: 'ownEditor', method: 'PATCH', path, body, ifMatch: await version(path) }],
            [404, { method: 'PATCH', path: '/api/v1/funding-agreements/nope', body, ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: '/api/v1/funding-agreements/audit-agreement',
          ifMatch: await version('/api/v1/funding-agreements/audit-agreement'),
          body: { reference: 'TEST/2', source: FICTIONAL_SOURCE },
        }),
        expect: () => ({
          useCase: 'funding-agreements.update',
          action: 'update',
          entityKind: 'funding-agreement',
          entityId: 'audit-agreement',
          before: { reference: 'TEST/1' },
          after: { reference: 'TEST/2' },
        }),
      },
      'DELETE /api/v1/funding-agreements/{id}': {
        as: 'admin',
        record: () => '/api/v1/funding-agreements/audit-agreement',
        failures: async () => {
          const path = '/api/v1/funding-agreements/audit-agreement';
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'stateEditor', method: 'DELETE', path, ifMatch: await version(path) }],
            [404, { method: 'DELETE', path: '/api/v1/funding-agreements/nope', ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({ method: 'DELETE', path: '/api/v1/funding-agreements/audit-agreement', ifMatch: await version('/api/v1/funding-agreements/audit-agreement') }),
        expect: () => ({ useCase: 'funding-agreements.delete', action: 'delete', entityKind: 'funding-agreement', entityId: 'audit-agreement', before: { title: AUDIT_AGREEMENT.title } }),
      },
      'POST /api/v1/exchange-rates': {
        as: 'admin',
        record: () => '/api/v1/exchange-rates?limit=1000',
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/exchange-rates', body: AUDIT_RATE }],
          [403, { as: 'ownEditor', path: '/api/v1/exchange-rates', body: AUDIT_RATE }],
          [400, { path: '/api/v1/exchange-rates', body: { ...AUDIT_RATE, rate: '0' } }],
        ],
        call: () => ({ path: '/api/v1/exchange-rates', body: AUDIT_RATE }),
        expect: (answer) => {
          rateId = answer.body.id;
          return { useCase: 'exchange-rates.create', action: 'create', entityKind: 'exchange-rate', entityId: rateId, after: { currency: 'EUR', base: 'USD', rate: '1.0850', asOf: '2024-01-02' } };
        },
      },
      'DELETE /api/v1/exchange-rates/{id}': {
        as: 'admin',
        record: () => '/api/v1/exchange-rates?limit=1000',
        failures: () => [
          [403, { as: 'stateEditor', method: 'DELETE', path: `/api/v1/exchange-rates/${rateId}` }],
          [404, { method: 'DELETE', path: '/api/v1/exchange-rates/999999' }],
        ],
        call: () => ({ method: 'DELETE', path: `/api/v1/exchange-rates/${rateId}` }),
        expect: () => ({ useCase: 'exchange-rates.delete', action: 'delete', entityKind: 'exchange-rate', entityId: rateId, before: { currency: 'EUR', rate: '1.0850' } }),
      },
      'POST /api/v1/webhooks': {
        as: 'admin',
        record: () => '/api/v1/webhooks',
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/webhooks', body: WEBHOOK_BODY }],
          [403, { as: 'ownEditor', path: '/api/v1/webhooks', body: WEBHOOK_BODY }],
          [400, { path: '/api/v1/webhooks', body: { ...WEBHOOK_BODY, url: 'http://169.254.169.254/' } }],
          [400, { path: '/api/v1/webhooks', body: { ...WEBHOOK_BODY, url: 'ftp://example.org/' } }],
        ],
        call: () => ({ path: '/api/v1/webhooks', body: WEBHOOK_BODY }),
        expect: (answer) => {
          hookId = answer.body.id;
          return { useCase: 'webhooks.create', action: 'create', entityKind: 'webhook', entityId: hookId, after: { url: WEBHOOK_BODY.url } };
        },
      },
      'PATCH /api/v1/webhooks/{id}': {
        as: 'admin',
        record: () => `/api/v1/webhooks/${hookId}`,
        failures: () => [
          [403, { as: 'stateEditor', path: `/api/v1/webhooks/${hookId}`, body: { description: 'changed' } }],
          [404, { path: '/api/v1/webhooks/wh_0000000000000000', body: { description: 'changed' } }],
          [400, { path: `/api/v1/webhooks/${hookId}`, body: { url: 'http://10.0.0.1/' } }],
        ],
        call: () => ({ path: `/api/v1/webhooks/${hookId}`, body: { description: 'changed' } }),
        expect: () => ({ useCase: 'webhooks.update', action: 'update', entityKind: 'webhook', entityId: hookId, before: { description: WEBHOOK_BODY.description }, after: { description: 'changed' } }),
      },
      'POST /api/v1/webhooks/{id}/secret': {
        as: 'admin',
        record: () => `/api/v1/webhooks/${hookId}`,
        failures: () => [
          [403, { as: 'viewer', path: `/api/v1/webhooks/${hookId}/secret` }],
          [404, { path: '/api/v1/webhooks/wh_0000000000000000/secret' }],
        ],
        call: () => ({ path: `/api/v1/webhooks/${hookId}/secret` }),
        expect: () => ({ useCase: 'webhooks.rotate-secret', action: 'update', entityKind: 'webhook', entityId: hookId }),
      },
      'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
        as: 'admin',
        record: () => `/api/v1/webhooks/${hookId}/deliveries`,
        failures: async () => {
          deliveryId = await newDelivery(t, hookId);
          return [
            [403, { as: 'ownEditor', path: `/api/v1/webhooks/${hookId}/deliveries/${deliveryId}/redeliver` }],
            [404, { path: `/api/v1/webhooks/${hookId}/deliveries/999999/redeliver` }],
          ];
        },
        call: () => ({ path: `/api/v1/webhooks/${hookId}/deliveries/${deliveryId}/redeliver` }),
        expect: () => ({
          useCase: 'webhooks.redeliver',
          action: 'update',
          entityKind: 'webhook-delivery',
          entityId: `${hookId}/${deliveryId}`,
          before: { status: 'failed' },
          after: { status: 'pending' },
        }),
      },
      'DELETE /api/v1/webhooks/{id}': {
        as: 'admin',
        record: () => '/api/v1/webhooks',
        failures: () => [
          [403, { as: 'stateEditor', method: 'DELETE', path: `/api/v1/webhooks/${hookId}` }],
          [404, { method: 'DELETE', path: '/api/v1/webhooks/wh_0000000000000000' }],
        ],
        call: () => ({ method: 'DELETE', path: `/api/v1/webhooks/${hookId}` }),
        expect: () => ({ useCase: 'webhooks.delete', action: 'delete', entityKind: 'webhook', entityId: hookId, before: { url: WEBHOOK_BODY.url } }),
      },
      'POST /api/v1/sync/peers': {
        as: 'admin',
        record: () => '/api/v1/sync/peers',
        failures: async () => [
          [401, { as: 'anonymous', path: '/api/v1/sync/peers', body: await peerBody() }],
          [403, { as: 'ownEditor', path: '/api/v1/sync/peers', body: await peerBody() }],
          [400, { path: '/api/v1/sync/peers', body: { ...(await peerBody()), baseUrl: 'http://169.254.169.254/' } }],
          [400, { path: '/api/v1/sync/peers', body: { ...(await peerBody()), token: 'not a token' } }],
        ],
        call: async () => ({ path: '/api/v1/sync/peers', body: await peerBody('Peer of the audit') }),
        expect: (answer) => {
          peerId = answer.body.id;
          return { useCase: 'sync.add-peer', action: 'create', entityKind: 'sync-peer', entityId: peerId, after: { name: 'Peer of the audit', hasToken: true } };
        },
      },
      'PATCH /api/v1/sync/peers/{id}': {
        as: 'admin',
        record: () => `/api/v1/sync/peers/${peerId}`,
        failures: () => [
          [403, { as: 'stateEditor', path: `/api/v1/sync/peers/${peerId}`, body: { name: 'changed' } }],
          [404, { path: '/api/v1/sync/peers/peer_000000000000', body: { name: 'changed' } }],
          [400, { path: `/api/v1/sync/peers/${peerId}`, body: { baseUrl: 'http://10.0.0.1/' } }],
          [400, { path: `/api/v1/sync/peers/${peerId}`, body: { pageSize: 5000 } }],
        ],
        call: () => ({ path: `/api/v1/sync/peers/${peerId}`, body: { name: 'Renamed peer' } }),
        expect: () => ({ useCase: 'sync.update-peer', action: 'update', entityKind: 'sync-peer', entityId: peerId, before: { name: 'Peer of the audit' }, after: { name: 'Renamed peer' } }),
      },
      'POST /api/v1/sync/peers/{id}/runs': {
        as: 'admin',
        record: () => `/api/v1/sync/peers/${peerId}/runs`,
        failures: () => [
          [403, { as: 'viewer', path: `/api/v1/sync/peers/${peerId}/runs` }],
          [404, { path: '/api/v1/sync/peers/peer_000000000000/runs' }],
        ],
        call: () => ({ path: `/api/v1/sync/peers/${peerId}/runs` }),
        expect: (answer) => ({ useCase: 'sync.start-run', action: 'create', entityKind: 'sync-run', entityId: answer.body.id, after: { peer: peerId, from: '0' } }),
      },
      // Comparing again what was received writes derived data only: no record of the write path.
      'POST /api/v1/sync/peers/{id}/check': {
        as: 'admin',
        record: () => `/api/v1/data-quality/peer-disagreements?peer=${peerId}`,
        failures: () => [
          [403, { as: 'ownEditor', path: `/api/v1/sync/peers/${peerId}/check` }],
          [404, { path: '/api/v1/sync/peers/peer_000000000000/check' }],
        ],
        call: () => ({ path: `/api/v1/sync/peers/${peerId}/check` }),
        expect: () => null,
      },
      'DELETE /api/v1/sync/peers/{id}': {
        as: 'admin',
        record: () => '/api/v1/sync/peers',
        failures: () => [
          [403, { as: 'stateEditor', method: 'DELETE', path: `/api/v1/sync/peers/${peerId}` }],
          [404, { method: 'DELETE', path: '/api/v1/sync/peers/peer_000000000000' }],
        ],
        call: async () => {
          // The run the row above started ends at once (the peer's feed is empty); a running one is a 409.
          for (let i = 0; i < 100 && (await t.db.db.selectFrom('sync_run').select('id').where('status', '=', 'running').executeTakeFirst()); i += 1) await new Promise((r) => setTimeout(r, 20));
          return { method: 'DELETE', path: `/api/v1/sync/peers/${peerId}` };
        },
        expect: () => ({ useCase: 'sync.remove-peer', action: 'delete', entityKind: 'sync-peer', entityId: peerId, before: { name: 'Renamed peer' } }),
      },
      'POST /api/v1/requests': {
        as: 'admin',
        record: () => '/api/v1/requests?state=KEN',
        failures: () => [
          [403, { as: 'stateEditor', path: '/api/v1/requests', body: KENYA_REQUEST }],
          [400, { path: '/api/v1/requests', body: { ...KENYA_REQUEST, state: 'XKX' } }],
          [400, { path: '/api/v1/requests', body: { ...KENYA_REQUEST, due: '2026-01-01' } }],
        ],
        call: () => ({ path: '/api/v1/requests', body: KENYA_REQUEST }),
        expect: (answer) => ({
          useCase: 'requests.create',
          action: 'create',
          entityKind: 'assistance-request',
          entityId: answer.body.id,
          after: { state: 'KEN', authority: KENYA_REQUEST.authority, confidentiality: 'restricted' },
        }),
      },
      'PATCH /api/v1/requests/{id}': {
        as: 'admin',
        record: () => `/api/v1/requests/${request}`,
        failures: async () => {
          request = await kenyaRequest(t, admin());
          const path = `/api/v1/requests/${request}`;
          return [
            [428, { method: 'PATCH', path, body: { subject: 'Corrected', source: REQUEST_SOURCE } }],
            [412, { method: 'PATCH', path, ifMatch: STALE, body: { subject: 'Corrected', source: REQUEST_SOURCE } }],
            [403, { as: 'stateEditor', method: 'PATCH', path, ifMatch: '"v1"', body: { subject: 'Corrected', source: REQUEST_SOURCE } }],
            [400, { method: 'PATCH', path, ifMatch: '"v1"', body: { due: '2020-01-01', source: REQUEST_SOURCE } }],
          ];
        },
        call: () => ({ method: 'PATCH', path: `/api/v1/requests/${request}`, ifMatch: '"v1"', body: { subject: 'Corrected', source: REQUEST_SOURCE } }),
        expect: () => ({
          useCase: 'requests.update',
          action: 'update',
          entityKind: 'assistance-request',
          entityId: request,
          before: { subject: KENYA_REQUEST.subject },
          after: { subject: 'Corrected' },
        }),
      },
      'POST /api/v1/requests/{id}/steps': {
        as: 'admin',
        record: () => `/api/v1/requests/${request}`,
        failures: async () => {
          request = await kenyaRequest(t, admin());
          const path = `/api/v1/requests/${request}/steps`;
          return [
            [428, { path, body: FIRST_STEP }],
            [412, { path, ifMatch: STALE, body: FIRST_STEP }],
            [403, { as: 'stateEditor', path, ifMatch: '"v1"', body: FIRST_STEP }],
            [400, { path, ifMatch: '"v1"', body: { ...FIRST_STEP, status: 'answered' } }],
          ];
        },
        call: () => ({ path: `/api/v1/requests/${request}/steps`, ifMatch: '"v1"', body: FIRST_STEP }),
        expect: () => ({ useCase: 'requests.move', action: 'update', entityKind: 'assistance-request', entityId: request, before: { status: 'received' }, after: { status: 'under-assessment' } }),
      },
      'DELETE /api/v1/requests/{id}': {
        as: 'admin',
        record: () => `/api/v1/requests/${request}`,
        failures: async () => {
          request = await kenyaRequest(t, admin());
          const path = `/api/v1/requests/${request}`;
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'stateEditor', method: 'DELETE', path, ifMatch: '"v1"' }],
            [404, { method: 'DELETE', path: '/api/v1/requests/req-none', ifMatch: '"v1"' }],
          ];
        },
        call: () => ({ method: 'DELETE', path: `/api/v1/requests/${request}`, ifMatch: '"v1"' }),
        expect: () => ({ useCase: 'requests.delete', action: 'delete', entityKind: 'assistance-request', entityId: request }),
      },
      'POST /api/v1/obstacles': {
        as: 'admin',
        record: () => '/api/v1/obstacles?state=KEN',
        failures: () => [
          [403, { as: 'stateEditor', path: '/api/v1/obstacles', body: KENYA_OBSTACLE }],
          [400, { path: '/api/v1/obstacles', body: { ...KENYA_OBSTACLE, category: 'bad-weather' } }],
          [400, { path: '/api/v1/obstacles', body: { ...KENYA_OBSTACLE, instruments: ['NO-SUCH'] } }],
        ],
        call: () => ({ path: '/api/v1/obstacles', body: KENYA_OBSTACLE }),
        expect: (answer) => ({
          useCase: 'obstacles.create',
          action: 'create',
          entityKind: 'obstacle',
          entityId: answer.body.id,
          after: { state: 'KEN', category: KENYA_OBSTACLE.category, status: 'stands' },
        }),
      },
      'PATCH /api/v1/obstacles/{id}': {
        as: 'admin',
        record: () => `/api/v1/obstacles/${obstacle}`,
        failures: async () => {
          obstacle = await kenyaObstacle(t, admin());
          const path = `/api/v1/obstacles/${obstacle}`;
          const body = { status: 'resolved', statusDate: '2025-06', source: OBSTACLE_SOURCE };
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, ifMatch: STALE, body }],
            [403, { as: 'stateEditor', method: 'PATCH', path, ifMatch: '"v1"', body }],
            [400, { method: 'PATCH', path, ifMatch: '"v1"', body: { status: 'resolved', source: OBSTACLE_SOURCE } }],
          ];
        },
        call: () => ({ method: 'PATCH', path: `/api/v1/obstacles/${obstacle}`, ifMatch: '"v1"', body: { status: 'resolved', statusDate: '2025-06', source: OBSTACLE_SOURCE } }),
        expect: () => ({
          useCase: 'obstacles.update',
          action: 'update',
          entityKind: 'obstacle',
          entityId: obstacle,
          before: { status: 'stands', statusDate: null },
          after: { status: 'resolved', statusDate: '2025-06' },
        }),
      },
      'POST /api/v1/obstacles/{id}/strategies': {
        as: 'admin',
        record: () => `/api/v1/obstacles/${obstacle}`,
        failures: async () => {
          obstacle = await kenyaObstacle(t, admin());
          const path = `/api/v1/obstacles/${obstacle}/strategies`;
          return [
            [403, { as: 'stateEditor', path, body: KENYA_STRATEGY }],
            [404, { path: '/api/v1/obstacles/obs-none/strategies', body: KENYA_STRATEGY }],
            [400, { path, body: { ...KENYA_STRATEGY, end: '2020' } }],
          ];
        },
        call: () => ({ path: `/api/v1/obstacles/${obstacle}/strategies`, body: KENYA_STRATEGY }),
        expect: (answer) => {
          strategy = answer.body.id;
          return { useCase: 'strategies.create', action: 'create', entityKind: 'strategy', entityId: strategy, after: { kind: KENYA_STRATEGY.kind, obstacle } };
        },
      },
      'PATCH /api/v1/obstacles/{id}/strategies/{strategyId}': {
        as: 'admin',
        record: () => `/api/v1/obstacles/${obstacle}/strategies`,
        failures: () => {
          const path = `/api/v1/obstacles/${obstacle}/strategies/${strategy}`;
          const body = { status: 'ongoing', source: OBSTACLE_SOURCE };
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, ifMatch: STALE, body }],
            [403, { as: 'stateEditor', method: 'PATCH', path, ifMatch: '"v1"', body }],
            [400, { method: 'PATCH', path, ifMatch: '"v1"', body: { end: '2019', source: OBSTACLE_SOURCE } }],
            [404, { method: 'PATCH', path: `/api/v1/obstacles/${obstacle}/strategies/stg-none`, ifMatch: '"v1"', body }],
          ];
        },
        call: () => ({ method: 'PATCH', path: `/api/v1/obstacles/${obstacle}/strategies/${strategy}`, ifMatch: '"v1"', body: { status: 'ongoing', source: OBSTACLE_SOURCE } }),
        expect: () => ({ useCase: 'strategies.update', action: 'update', entityKind: 'strategy', entityId: strategy, before: { status: 'planned' }, after: { status: 'ongoing' } }),
      },
      'DELETE /api/v1/obstacles/{id}/strategies/{strategyId}': {
        as: 'admin',
        record: () => `/api/v1/obstacles/${obstacle}/strategies`,
        failures: async () => {
          obstacle = await kenyaObstacle(t, admin());
          strategy = await kenyaStrategy(t, admin(), obstacle);
          const path = `/api/v1/obstacles/${obstacle}/strategies/${strategy}`;
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'stateEditor', method: 'DELETE', path, ifMatch: '"v1"' }],
          ];
        },
        call: () => ({ method: 'DELETE', path: `/api/v1/obstacles/${obstacle}/strategies/${strategy}`, ifMatch: '"v1"' }),
        expect: () => ({ useCase: 'strategies.delete', action: 'delete', entityKind: 'strategy', entityId: strategy }),
      },
      'DELETE /api/v1/obstacles/{id}': {
        as: 'admin',
        record: () => `/api/v1/obstacles/${obstacle}`,
        failures: async () => {
          obstacle = await kenyaObstacle(t, admin());
          const path = `/api/v1/obstacles/${obstacle}`;
          const answered = await kenyaObstacle(t, admin());
          await kenyaStrategy(t, admin(), answered);
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'stateEditor', method: 'DELETE', path, ifMatch: '"v1"' }],
            [400, { method: 'DELETE', path: `/api/v1/obstacles/${answered}`, ifMatch: '"v1"' }],
            [404, { method: 'DELETE', path: '/api/v1/obstacles/obs-none', ifMatch: '"v1"' }],
          ];
        },
        call: () => ({ method: 'DELETE', path: `/api/v1/obstacles/${obstacle}`, ifMatch: '"v1"' }),
        expect: () => ({ useCase: 'obstacles.delete', action: 'delete', entityKind: 'obstacle', entityId: obstacle }),
      },
      'POST /api/v1/presences': {
        as: 'admin',
        record: () => '/api/v1/presences?limit=1000',
        failures: () => [
          [403, { as: 'ownEditor', path: '/api/v1/presences', body: CENTRAL_AFRICA_REPRESENTATIVE }],
          [400, { path: '/api/v1/presences', body: { ...CENTRAL_AFRICA_REPRESENTATIVE, opened: '2010', closed: '2009' } }],
          [400, { path: '/api/v1/presences', body: { ...CENTRAL_AFRICA_REPRESENTATIVE, id: 'ro-europe' } }],
        ],
        call: () => ({ path: '/api/v1/presences', body: CENTRAL_AFRICA_REPRESENTATIVE }),
        expect: () => ({
          useCase: 'presences.create',
          action: 'create',
          entityKind: 'presence',
          entityId: 'rr-central-africa',
          after: { id: 'rr-central-africa', kind: 'regional-representative', seatIso3: 'CMR' },
        }),
      },
      'PATCH /api/v1/presences/{id}': {
        as: 'admin',
        record: () => '/api/v1/presences/ro-north-africa',
        failures: async () => {
          const path = '/api/v1/presences/ro-north-africa';
          const body = { mandate: NORTH_AFRICA_MANDATES[0], source: NORTH_AFRICA_SOURCE };
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, body, ifMatch: STALE }],
            [400, { method: 'PATCH', path, body: { ...body, closed: '2011' }, ifMatch: await version(path) }],
            [403, { as: 'stateEditor', method: 'PATCH', path, body, ifMatch: await version(path) }],
            [404, { method: 'PATCH', path: '/api/v1/presences/ro-nowhere', body, ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: '/api/v1/presences/ro-north-africa',
          ifMatch: await version('/api/v1/presences/ro-north-africa'),
          body: { mandate: NORTH_AFRICA_MANDATES[0], source: NORTH_AFRICA_SOURCE },
        }),
        expect: () => ({
          useCase: 'presences.update',
          action: 'update',
          entityKind: 'presence',
          entityId: 'ro-north-africa',
          before: { mandate: NORTH_AFRICA_MANDATES[1] },
          after: { mandate: NORTH_AFRICA_MANDATES[0] },
        }),
      },
      'POST /api/v1/presences/{id}/coverage-periods': {
        as: 'admin',
        record: () => '/api/v1/presences/ro-europe',
        failures: () => {
          const path = '/api/v1/presences/ro-europe/coverage-periods';
          return [
            [403, { as: 'stateEditor', path, body: EUROPE_COVERS_BELGIUM }],
            [400, { path, body: { ...EUROPE_COVERS_BELGIUM, iso3: 'XXX' } }],
            [400, { path, body: { ...EUROPE_COVERS_BELGIUM, until: '2008' } }],
            [400, { path, body: { ...EUROPE_COVERS_BELGIUM, from: '2009-02-30' } }],
            [404, { path: '/api/v1/presences/ro-nowhere/coverage-periods', body: EUROPE_COVERS_BELGIUM }],
          ];
        },
        call: () => ({ path: '/api/v1/presences/ro-europe/coverage-periods', body: EUROPE_COVERS_BELGIUM }),
        expect: (answer) => ({
          useCase: 'coverage-periods.create',
          action: 'create',
          entityKind: 'coverage-period',
          entityId: answer.body.id,
          after: { iso3: 'BEL', from: '2009', until: null },
        }),
      },
      'PATCH /api/v1/presences/{id}/coverage-periods/{seq}': {
        as: 'admin',
        record: () => '/api/v1/presences/ro-europe',
        failures: async () => {
          const path = `/api/v1/presences/ro-europe/coverage-periods/${periodSeq}`;
          const body = { note: 'EU member State (the seat of the office)', source: EUROPE_COVERS_BELGIUM.source };
          const current = await periodIfMatch(t, admin(), 'ro-europe', periodSeq);
          return [
            [428, { method: 'PATCH', path, body }],
            [412, { method: 'PATCH', path, body, ifMatch: STALE }],
            [400, { method: 'PATCH', path, body: { ...body, until: '2008' }, ifMatch: current }],
            [403, { as: 'ownEditor', method: 'PATCH', path, body, ifMatch: current }],
            [404, { method: 'PATCH', path: '/api/v1/presences/ro-europe/coverage-periods/999999', body, ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({
          method: 'PATCH',
          path: `/api/v1/presences/ro-europe/coverage-periods/${periodSeq}`,
          ifMatch: await periodIfMatch(t, admin(), 'ro-europe', periodSeq),
          body: { note: 'EU member State (the seat of the office)', source: EUROPE_COVERS_BELGIUM.source },
        }),
        expect: () => ({
          useCase: 'coverage-periods.update',
          action: 'update',
          entityKind: 'coverage-period',
          entityId: `ro-europe/${periodSeq}`,
          before: { note: EUROPE_COVERS_BELGIUM.note },
          after: { note: 'EU member State (the seat of the office)' },
        }),
      },
      'DELETE /api/v1/presences/{id}/coverage-periods/{seq}': {
        as: 'admin',
        record: () => '/api/v1/presences/ro-europe',
        failures: async () => {
          const path = `/api/v1/presences/ro-europe/coverage-periods/${periodSeq}`;
          return [
            [428, { method: 'DELETE', path }],
            [412, { method: 'DELETE', path, ifMatch: STALE }],
            [403, { as: 'viewer', method: 'DELETE', path, ifMatch: await periodIfMatch(t, admin(), 'ro-europe', periodSeq) }],
            // A shipped period is corrected, never deleted.
            [403, { method: 'DELETE', path: '/api/v1/presences/ro-north-africa/coverage-periods/1', ifMatch: await periodIfMatch(t, admin(), 'ro-north-africa', 1) }],
            [404, { method: 'DELETE', path: '/api/v1/presences/ro-europe/coverage-periods/999999', ifMatch: '"v1"' }],
          ];
        },
        call: async () => ({ method: 'DELETE', path: `/api/v1/presences/ro-europe/coverage-periods/${periodSeq}`, ifMatch: await periodIfMatch(t, admin(), 'ro-europe', periodSeq) }),
        expect: () => ({ useCase: 'coverage-periods.delete', action: 'delete', entityKind: 'coverage-period', entityId: `ro-europe/${periodSeq}` }),
      },

      'POST /api/v1/auth/login': {
        as: 'anonymous',
        record: () => `/api/v1/users/${login.id}`,
        failures: () => [
          [401, { path: '/api/v1/auth/login', body: { email: login.email, password: 'not the password at all' } }],
          [400, { path: '/api/v1/auth/login', body: { email: login.email } }],
        ],
        call: async () => {
          await t.db.db.deleteFrom('throttle').execute();
          return { path: '/api/v1/auth/login', body: { email: login.email, password: PASSWORD } };
        },
        expect: () => ({ useCase: 'accounts.sign-in', action: 'create', entityKind: 'session', entityId: login.id }),
      },
      'POST /api/v1/auth/logout': {
        as: 'viewer',
        record: () => `/api/v1/users/${as.accounts.viewer.id}`,
        failures: () => [
          [401, { as: 'anonymous', path: '/api/v1/auth/logout', body: {} }],
          [400, { as: 'ownEditor', path: '/api/v1/auth/logout', body: {} }],
        ],
        // A second session is ended, so the viewer's own goes on.
        call: async () => ({ path: '/api/v1/auth/logout', body: {}, headers: (await signIn(t.app, as.accounts.viewer)).write }),
        expect: () => ({ useCase: 'accounts.sign-out', action: 'delete', entityKind: 'session', entityId: as.accounts.viewer.id, before: { sessions: 1 } }),
      },
      'POST /api/v1/auth/password': {
        as: 'viewer',
        record: () => `/api/v1/users/${as.accounts.viewer.id}`,
        failures: () => [
          [400, { path: '/api/v1/auth/password', body: { currentPassword: 'not the password at all', newPassword: 'a new audit passphrase' } }],
          [400, { path: '/api/v1/auth/password', body: { currentPassword: PASSWORD, newPassword: 'short' } }],
          [401, { as: 'anonymous', path: '/api/v1/auth/password', body: { currentPassword: PASSWORD, newPassword: 'a new audit passphrase' } }],
        ],
        call: () => ({ path: '/api/v1/auth/password', body: { currentPassword: PASSWORD, newPassword: 'a new audit passphrase' } }),
        expect: () => ({ useCase: 'accounts.set-password', action: 'update', entityKind: 'user', entityId: as.accounts.viewer.id, after: { password: 'changed by its holder' } }),
      },
      'POST /api/v1/auth/two-factor/secret': {
        as: 'viewer',
        record: () => `/api/v1/users/${as.accounts.viewer.id}`,
        failures: () => [[401, { as: 'anonymous', path: '/api/v1/auth/two-factor/secret' }]],
        call: () => ({ path: '/api/v1/auth/two-factor/secret' }),
        expect: () => null, // a secret drawn is not kept until confirmed: nothing changes
      },
      'POST /api/v1/auth/two-factor': {
        as: 'viewer',
        record: () => `/api/v1/users/${as.accounts.viewer.id}`,
        failures: () => [
          [400, { path: '/api/v1/auth/two-factor', body: { secret: 'A'.repeat(32), code: '000000' } }],
          [400, { path: '/api/v1/auth/two-factor', body: { secret: 'not base32', code: '000000' } }],
        ],
        call: async () => {
          const { secret } = (await ask(t, 'POST', '/api/v1/auth/two-factor/secret', as.headers.viewer)).body;
          return { path: '/api/v1/auth/two-factor', body: { secret, code: totpCode(secret, stepAt(Date.now())) } };
        },
        expect: () => ({ useCase: 'accounts.set-two-factor', action: 'update', entityKind: 'user', entityId: as.accounts.viewer.id, before: { twoFactor: false }, after: { twoFactor: true } }),
      },
      'POST /api/v1/auth/tokens': {
        as: 'viewer',
        record: () => '/api/v1/auth/tokens',
        failures: () => [
          [400, { path: '/api/v1/auth/tokens', body: { name: 'audit', days: 400 } }],
          [400, { path: '/api/v1/auth/tokens', body: { name: 'audit', admin: true } }],
        ],
        call: () => ({ path: '/api/v1/auth/tokens', body: { name: 'audit', days: 1 } }),
        expect: (answer) => ({ useCase: 'accounts.create-token', action: 'create', entityKind: 'api-token', entityId: answer.body.id, after: { user: as.accounts.viewer.id } }),
      },
      'DELETE /api/v1/auth/tokens/{id}': {
        as: 'admin', // the administrator revokes another account's token
        record: () => `/api/v1/users/${subject.id}`,
        failures: async () => [
          [404, { as: 'viewer', method: 'DELETE', path: `/api/v1/auth/tokens/${await subjectToken()}` }],
          [404, { method: 'DELETE', path: '/api/v1/auth/tokens/no-such-token' }],
        ],
        call: async () => {
          tokenId = await subjectToken();
          return { method: 'DELETE', path: `/api/v1/auth/tokens/${tokenId}` };
        },
        expect: () => ({ useCase: 'accounts.revoke-token', action: 'update', entityKind: 'api-token', entityId: tokenId, after: { revoked: true } }),
      },
      'POST /api/v1/users': {
        as: 'admin',
        record: () => '/api/v1/users',
        failures: () => [
          [403, { as: 'ownEditor', path: '/api/v1/users', body: NEW_USER }],
          [400, { path: '/api/v1/users', body: { ...NEW_USER, email: subject.email } }],
          [400, { path: '/api/v1/users', body: { ...NEW_USER, roles: ['emperor'] } }],
        ],
        call: () => ({ path: '/api/v1/users', body: NEW_USER }),
        expect: (answer) => ({ useCase: 'accounts.create-user', action: 'create', entityKind: 'user', entityId: answer.body.id, after: { lang: 'fr', roles: ['viewer'], status: 'active' } }),
      },
      'PATCH /api/v1/users/{id}': {
        as: 'admin',
        record: () => `/api/v1/users/${subject.id}`,
        failures: async () => [
          [428, { method: 'PATCH', path: `/api/v1/users/${subject.id}`, body: { lang: 'fr' } }],
          [412, { method: 'PATCH', path: `/api/v1/users/${subject.id}`, body: { lang: 'fr' }, ifMatch: STALE }],
          [400, { method: 'PATCH', path: `/api/v1/users/${subject.id}`, body: { lang: 'xx' }, ifMatch: await version(`/api/v1/users/${subject.id}`) }],
          [403, { as: 'viewer', method: 'PATCH', path: `/api/v1/users/${subject.id}`, body: { lang: 'fr' }, ifMatch: await version(`/api/v1/users/${subject.id}`) }],
        ],
        call: async () => ({ method: 'PATCH', path: `/api/v1/users/${subject.id}`, body: { lang: 'fr', displayName: 'Renamed' }, ifMatch: await version(`/api/v1/users/${subject.id}`) }),
        expect: () => ({ useCase: 'accounts.update-user', action: 'update', entityKind: 'user', entityId: subject.id, before: { lang: 'en' }, after: { lang: 'fr' } }),
      },
      'POST /api/v1/users/{id}/password': {
        as: 'admin',
        record: () => `/api/v1/users/${subject.id}`,
        failures: () => [
          [403, { as: 'stateEditor', path: `/api/v1/users/${subject.id}/password`, body: { newPassword: 'reset by the administrator' } }],
          [400, { path: `/api/v1/users/${subject.id}/password`, body: { newPassword: 'short' } }],
        ],
        call: () => ({ path: `/api/v1/users/${subject.id}/password`, body: { newPassword: 'reset by the administrator' } }),
        expect: () => ({ useCase: 'accounts.set-password', action: 'update', entityKind: 'user', entityId: subject.id, after: { password: 'reset by an administrator' } }),
      },
      'POST /api/v1/users/{id}/erase': {
        as: 'admin',
        record: () => `/api/v1/users/${subject.id}`,
        failures: () => [
          [403, { as: 'ownEditor', path: `/api/v1/users/${subject.id}/erase` }],
          [404, { path: '/api/v1/users/no-such-user/erase' }],
          [400, { path: `/api/v1/users/${as.accounts.admin.id}/erase` }],
        ],
        call: () => ({ path: `/api/v1/users/${subject.id}/erase` }),
        expect: () => ({ useCase: 'accounts.erase', action: 'delete', entityKind: 'user', entityId: subject.id, after: { status: 'erased' } }),
      },
    });
    let tokenId = '';
    const subjectToken = async () => (await runUseCase(t.db.db, createTokenUseCase, { actor: 'system', userId: subject.id, name: 'subject', days: 1 }, systemContext('test'))).id;
    const AES = {
      id: 'aes',
      name: { en: 'Alliance of Sahel States', fr: 'Alliance des États du Sahel' },
      kind: 'subregional',
      founded: '2023-09-16',
      source: {
        title: 'Reuters, 16 September 2023: Mali, Niger and Burkina Faso sign Sahel security pact',
        url: 'https://www.reuters.com/world/africa/mali-niger-burkina-faso-sign-sahel-security-pact-2023-09-16/',
        kind: 'secondary',
        retrieved: '2026-01-15',
      },
    };
    let AU_WEBSITE: string | null = null;
    const NEW_USER = { email: 'audit-new@example.org', displayName: 'Audit New', lang: 'fr', password: 'a long enough password', roles: ['viewer'] };

    test('every write of the document is in the table', async () => {
      const writes = (await documentedOperations(t)).filter((op) => !op.startsWith('GET ')).sort();
      assert.deepEqual(Object.keys(table()).sort(), writes);
    });

    test('a failed write adds no audit record and leaves the record as it was; a successful one adds exactly one, as it should read', async () => {
      AU_WEBSITE = (await current('/api/v1/organizations/au')).website;
      const problems: string[] = [];
      for (const [operation, row] of Object.entries(table())) {
        const [method] = operation.split(' ') as [string];
        const who = row.as;
        for (const [status, call] of await row.failures()) {
          const before = await current(row.record());
          const last = await lastId();
          const answer = await send({ method, ...call }, who);
          if (answer.status !== status) problems.push(`${operation} (${JSON.stringify(call.body ?? call.path).slice(0, 80)}): ${answer.status}, expected ${status}: ${answer.text.slice(0, 200)}`);
          const added = await recordsAfter(last);
          if (added.length) problems.push(`${operation} failing with ${answer.status} added ${added.map((r) => r.use_case).join(', ')}`);
          assert.deepEqual(await current(row.record()), before, `${operation} failing with ${answer.status} changed ${row.record()}`);
        }
        const prepared = await row.call();
        const last = await lastId();
        const answer = await send({ method, ...prepared }, who);
        if (answer.status !== 200) {
          problems.push(`${operation}: ${answer.status} ${answer.text.slice(0, 200)}`);
          continue;
        }
        const added = await recordsAfter(last);
        const expected = row.expect(answer);
        if (expected === null) {
          if (added.length) problems.push(`${operation} added ${added.length} audit record(s), expected none`);
          continue;
        }
        if (added.length !== 1) {
          problems.push(`${operation} added ${added.length} audit records: ${added.map((r) => r.use_case).join(', ')}`);
          continue;
        }
        const [record] = added as [(typeof added)[number]];
        const actor = operation === 'POST /api/v1/auth/login' ? `user:${login.id}` : user(who === 'anonymous' ? 'admin' : who);
        const got = { useCase: record.use_case, action: record.action, entityKind: record.entity_kind, entityId: record.entity_id, actor: record.actor };
        const want = { useCase: expected.useCase, action: expected.action, entityKind: expected.entityKind, entityId: expected.entityId, actor };
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${operation}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        const recorded = { before: record.before ? JSON.parse(record.before) : null, after: record.after ? JSON.parse(record.after) : null };
        for (const side of ['before', 'after'] as const) {
          for (const [field, value] of Object.entries(expected[side] ?? {})) {
            if (JSON.stringify(recorded[side]?.[field]) !== JSON.stringify(value))
              problems.push(`${operation}: ${side}.${field} is ${JSON.stringify(recorded[side]?.[field])}, expected ${JSON.stringify(value)}`);
          }
        }
        if (expected.action === 'update' && expected.entityKind !== 'user' && expected.entityKind !== 'api-token') {
          // An update records the changed fields only: the same fields before and after (and the source after).
          const changed = Object.keys(recorded.after ?? {}).filter((f) => f !== 'source');
          if (JSON.stringify(Object.keys(recorded.before ?? {}).sort()) !== JSON.stringify(changed.sort()))
            problems.push(`${operation}: before ${JSON.stringify(recorded.before)} and after ${JSON.stringify(recorded.after)} name other fields`);
        }
        if (operation.includes('/auth/') || operation.includes('/users')) {
          const text = JSON.stringify(record);
          for (const personal of [
            as.accounts.viewer.email,
            subject.email,
            login.email,
            NEW_USER.email,
            NEW_USER.displayName,
            'Renamed',
            PASSWORD,
            'a new audit passphrase',
            'reset by the administrator',
            'a long enough password',
            'audit-',
          ]) {
            if (text.includes(personal)) problems.push(`${operation}: the audit record holds personal data (${personal})`);
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, [], 'no server errors');
    });

    test('twenty simultaneous PATCHes naming the same version: one 200, nineteen 412 with the current record, one audit record', async () => {
      const cases = [
        { path: '/api/v1/organizations/au', as: 'ownEditor' as const, body: (i: number) => ({ website: `https://au.int/en/${i}`, source: AU_TREATIES }) },
        { path: `/api/v1/treaty-actions/ACHPR/${await newAct(t, admin())}`, as: 'stateEditor' as const, body: (i: number) => ({ note: `deposit (writer ${i})`, source: KENYA_RATIFIES_ACHPR.source }) },
      ];
      for (const { path, as: who, body } of cases) {
        const v = await version(path);
        const last = await lastId();
        const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(t, 'PATCH', path, as.headers[who], body(i), { 'If-Match': v })));
        const statuses = answers.map((a) => a.status).sort();
        assert.deepEqual(statuses, [200, ...Array(19).fill(412)], `${path}: ${statuses.join(' ')}`);
        const won = answers.find((a) => a.status === 200)!;
        for (const lost of answers.filter((a) => a.status === 412)) {
          assert.equal(lost.body.current.version, won.body.version, 'the 412 carries the record as it now is');
          assert.equal(lost.headers.get('etag'), `"v${won.body.version}"`);
        }
        assert.equal((await recordsAfter(last)).length, 1, `${path}: one audit record`);
      }
      assert.deepEqual(errors, [], 'no server errors');
    });

    test('simultaneous creates that take the next number (events of one State, acts under one instrument) each get their own, or a clean 409', async () => {
      for (const [path, who, body] of [
        ['/api/v1/organizations/au/membership-events', 'stateEditor', KENYA_JOINS_AU],
        ['/api/v1/treaty-actions', 'stateEditor', KENYA_RATIFIES_ACHPR],
      ] as const) {
        const last = await lastId();
        const answers = await Promise.all(Array.from({ length: 10 }, () => ask(t, 'POST', path, as.headers[who], body)));
        const made = answers.filter((a) => a.status === 200);
        assert.ok(
          answers.every((a) => a.status === 200 || a.status === 409),
          `${path}: ${answers.map((a) => a.status).join(' ')}`,
        );
        assert.ok(made.length >= 1);
        assert.equal(new Set(made.map((a) => a.body.id)).size, made.length, 'each its own number');
        assert.equal((await recordsAfter(last)).length, made.length, 'one audit record per record made');
      }
      const last = await lastId();
      const organization = { ...AES, id: 'aes-twice' };
      const answers = await Promise.all(Array.from({ length: 10 }, () => ask(t, 'POST', '/api/v1/organizations', admin(), organization)));
      const statuses = answers.map((a) => a.status).sort();
      assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(' '));
      assert.ok(
        statuses.every((s) => s === 200 || s === 400 || s === 409),
        statuses.join(' '),
      );
      assert.equal((await recordsAfter(last)).length, 1);
      assert.deepEqual(errors, [], 'no server errors');
    });
  });
}
