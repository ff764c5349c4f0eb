// Who may call what (issue 12): every operation of the OpenAPI document the server serves, asked
// by six askers, against a table of expected answers written here from the roles' rules (not
// from the code). An operation the document lists and the table does not is a failure, so a new
// route cannot be forgotten. Writes act on records of the African Union (the organization, its
// charter ACHPR, its Commission ACHPR-COMM, Kenya's membership events and Kenya's entered acts
// under the Charter); each write names the version it read just before (If-Match). The askers
// run in the order of the columns, those refused first, so a write that succeeds changes nothing
// a later cell depends on. Then, confidentiality: hidden records leave no trace in any answer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { stepAt, totpCode } from '../../src/modules/accounts/totp.ts';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { EXPORT_ENTITIES, EXPORT_FORMATS } from '../../src/shared/vocabularies.ts';
import { codeFor, makeAccount, PASSWORD, signIn, type TestAccount } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, ASKERS, type Asker, type Askers, ask, documentedOperations, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { FIRST_STEP, KENYA_REQUEST, kenyaRequest, REQUEST_SOURCE } from '../support/requests.ts';
import { KENYA_OBSTACLE, KENYA_STRATEGY, kenyaObstacle, kenyaStrategy, OBSTACLE_SOURCE, strategyIfMatch } from '../support/obstacles.ts';
import { ACTION, COUNTS, EVENT_SOURCE, makeAction, makeEvent, makeParticipant, makeSeries, newEventBody, newSeries, ORGANIZERS, PARTICIPANT } from '../support/event-requests.ts';
import { body2004, ID_2004, import2004, KEY_2004 } from '../support/resolutions.ts';
import { EXCHANGE_SOURCE, makeExchange, makeExchangeSeries, newExchangeBody, newExchangeSeries } from '../support/exchange-requests.ts';
import { FOLLOW_UP_BODIES, kenyaAssignment, kenyaRecommendation, WITHDRAWAL, withdrawalPath } from '../support/follow-up.ts';
import { LINK_REVIEW_PATH, linkIfMatch, storeLinkedRecommendation } from '../support/linked-recommendation.ts';
import { asXml, FICTIONAL_SOURCE, IATI_FILE, IATI_UPLOAD_PATH, newAgreement, newProject, newRate, rate, versionOf } from '../support/projects.ts';
import { lastRunOf, newPeer, peerBody, receivedRecord } from '../support/sync.ts';
import { changeIdOf, newDelivery, newWebhook, WEBHOOK_BODY } from '../support/webhooks.ts';
import { BASED_ON, newDraft, REPORT_PATH } from '../support/report-drafts.ts';
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

// Expected status per asker, in the order of ASKERS:
//                      anonymous viewer otherEditor ownEditor stateEditor admin
const EVERYONE = [200, 200, 200, 200, 200, 200];
const SIGNED_IN = [401, 200, 200, 200, 200, 200];
const ADMIN_ONLY = [401, 403, 403, 403, 403, 200];
/** The AU's own records: its editors (and administrators). */
const AU_EDITORS = [401, 403, 403, 200, 403, 200];
/** Kenya's membership events in the AU and Kenya's acts under AU instruments: the AU's editors and Kenya's. */
const AU_OR_KENYA_EDITORS = [401, 403, 403, 200, 200, 200];
/** The follow-up of a recommendation to Kenya: Kenya's editors and OHCHR (never an organization's editor). */
const KENYA_FOLLOW_UP = [401, 403, 403, 403, 200, 200];
/** Someone else's token: not found for those who may not manage it (its id says nothing). */
const OTHERS_TOKEN = [401, 404, 404, 404, 404, 200];
/** A request of Kenya, restricted to OHCHR and Kenya: not found for others; Kenya's editor sees it but OHCHR writes it. */
const KENYA_REQUEST_READERS = [404, 404, 404, 404, 200, 200];
const KENYA_REQUEST_WRITERS = [404, 404, 404, 404, 403, 200];
/** A record nobody holds: the same answer for everyone. */
const NOT_FOUND_FOR_ALL = [404, 404, 404, 404, 404, 404];

interface Call {
  method?: string;
  path: string;
  body?: unknown;
  ifMatch?: string;
  /** Instead of the asker's own headers (a spare session to sign out). */
  headers?: Record<string, string>;
}

interface Row {
  expect: number[];
  /** The request, made just before it is sent (fresh versions, fresh records to delete). */
  call: (who: Asker) => Promise<Call> | Call;
  /** After a success: put back what later rows rely on. */
  restore?: (who: Asker, answer: Answer) => Promise<void>;
}

for (const dialect of testDialects()) {
  describe(`authorization matrix on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    let subject: TestAccount; // an account the askers act on
    let login: TestAccount; // an account the askers sign in as
    let adminSpare: Record<string, string>; // a second session of the administrator, to sign out
    let eventSeq = 0; // Kenya's entered membership event in the AU
    let actSeq = 0; // Kenya's entered ratification of the African Charter
    let periodSeq = 0; // the Regional Office for Europe's entered coverage of Belgium
    let recommendation = ''; // a recommendation to Kenya
    let rateId = ''; // an exchange rate
    let request = ''; // a request for assistance of Kenya
    let obstacle = ''; // an obstacle to Kenya's ratification of the ICMW, public
    let strategy = ''; // a strategy for it
    let participant = ''; // a participant of matrix-event
    let action = ''; // a follow-up action of matrix-event
    let deletable = 0;
    let webhook = ''; // a webhook, and a delivery of it
    let delivery = '';
    let change = ''; // the change that entered matrix-event
    let peer = ''; // a sync peer whose feed is empty
    let draft = ''; // the administrator's draft of the report, with a version
    /** OHCHR runs the programme: its writes are for OHCHR editors and administrators. */
    const PROGRAMME = ADMIN_ONLY;
    const admin = () => as.headers.admin;

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'matrix');
      subject = await makeAccount(t.db.db, 'matrix-subject@example.org', ['viewer']);
      login = await makeAccount(t.db.db, 'matrix-login@example.org', ['viewer']);
      adminSpare = (await signIn(t.app, as.accounts.admin, codeFor(as.accounts.admin, 1))).write;
      eventSeq = await newEvent(t, admin());
      actSeq = await newAct(t, admin());
      periodSeq = await newPeriod(t, admin());
      recommendation = await kenyaRecommendation(t, 9);
      await storeLinkedRecommendation(t);
      await newProject(t, admin(), 'matrix-project');
      await newAgreement(t, admin(), 'matrix-agreement');
      rateId = await newRate(t, admin());
      request = await kenyaRequest(t, admin());
      obstacle = await kenyaObstacle(t, admin());
      strategy = await kenyaStrategy(t, admin(), obstacle);
      await makeEvent(t, admin(), 'matrix-event');
      await makeSeries(t, admin(), 'matrix-series');
      participant = await makeParticipant(t, admin(), 'matrix-event');
      action = await makeAction(t, admin(), 'matrix-event');
      await makeExchange(t, admin(), 'matrix-exchange');
      await makeExchangeSeries(t, admin(), 'matrix-exchange-series');
      webhook = await newWebhook(t, admin());
      delivery = await newDelivery(t, webhook);
      change = await changeIdOf(t, 'matrix-event');
      peer = await newPeer(t, admin());
      await ask(t, 'POST', `/api/v1/sync/peers/${peer}/runs`, admin());
      await import2004(t, admin());
      draft = await newDraft(t, admin(), true);
    });
    after(async () => {
      await t.db.drop();
    });

    const subjectToken = async () => (await runUseCase(t.db.db, createTokenUseCase, { actor: 'system', userId: subject.id, name: 'subject', days: 1 }, systemContext('test'))).id;
    const alternate = (who: Asker, a: string, b: string) => (who === 'admin' ? b : a);

    /** Every operation of the document, with its expected answers; the order is the order run. */
    const table = (): Record<string, Row> => ({
      // Reads anyone may do.
      'GET /api/v1/states': { expect: EVERYONE, call: () => ({ path: '/api/v1/states' }) },
      'GET /api/v1/states/{iso3}': { expect: EVERYONE, call: () => ({ path: '/api/v1/states/KEN' }) },
      'GET /api/v1/states/{iso3}/treaties': { expect: EVERYONE, call: () => ({ path: '/api/v1/states/KEN/treaties' }) },
      'GET /api/v1/states/{iso3}/procedures': { expect: EVERYONE, call: () => ({ path: '/api/v1/states/KEN/procedures' }) },
      'GET /api/v1/states/{iso3}/cooperation': { expect: EVERYONE, call: () => ({ path: '/api/v1/states/KEN/cooperation' }) },
      'GET /api/v1/organizations': { expect: EVERYONE, call: () => ({ path: '/api/v1/organizations' }) },
      'GET /api/v1/organizations/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/organizations/au' }) },
      'GET /api/v1/organizations/{id}/members': { expect: EVERYONE, call: () => ({ path: '/api/v1/organizations/au/members' }) },
      'GET /api/v1/organizations/{id}/history': { expect: EVERYONE, call: () => ({ path: '/api/v1/organizations/au/history' }) },
      'GET /api/v1/data-quality/membership-conflicts': { expect: EVERYONE, call: () => ({ path: '/api/v1/data-quality/membership-conflicts' }) },
      'GET /api/v1/instruments': { expect: EVERYONE, call: () => ({ path: '/api/v1/instruments' }) },
      'GET /api/v1/instruments/{code}': { expect: EVERYONE, call: () => ({ path: '/api/v1/instruments/ACHPR' }) },
      'GET /api/v1/instruments/{code}/status': { expect: EVERYONE, call: () => ({ path: '/api/v1/instruments/ACHPR/status' }) },
      'GET /api/v1/instruments/{code}/status-history': { expect: EVERYONE, call: () => ({ path: '/api/v1/instruments/ACHPR/status-history' }) },
      'GET /api/v1/mechanisms': { expect: EVERYONE, call: () => ({ path: '/api/v1/mechanisms' }) },
      'GET /api/v1/mechanisms/{code}': { expect: EVERYONE, call: () => ({ path: '/api/v1/mechanisms/ACHPR-COMM' }) },
      'GET /api/v1/presences': { expect: EVERYONE, call: () => ({ path: '/api/v1/presences?asOf=2010-01-01' }) },
      'GET /api/v1/presences/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/presences/ro-europe' }) },
      'GET /api/v1/coverage': { expect: EVERYONE, call: () => ({ path: '/api/v1/coverage' }) },
      'GET /api/v1/search': { expect: EVERYONE, call: () => ({ path: '/api/v1/search?q=African' }) },
      'GET /api/v1/sources': { expect: EVERYONE, call: () => ({ path: '/api/v1/sources' }) },
      'GET /api/v1/recommendations': { expect: EVERYONE, call: () => ({ path: '/api/v1/recommendations?q=torture' }) },
      'POST /api/v1/imports/{kind}': {
        expect: ADMIN_ONLY,
        call: (who) => ({
          path: '/api/v1/imports/upr-info?filename=matrix.csv',
          headers: { ...as.headers[who], 'Content-Type': 'text/csv' },
          body: 'To,Text,From,Response,Session\nKenya,A recommendation written for the matrix test (test),France,Accepted,8\n',
        }),
      },
      'GET /api/v1/recommendations/export/{format}': { expect: EVERYONE, call: () => ({ path: '/api/v1/recommendations/export/csv?state=KEN' }) },
      'GET /api/v1/recommendations/{id}': { expect: NOT_FOUND_FOR_ALL, call: () => ({ path: '/api/v1/recommendations/upr-none' }) },
      'GET /api/v1/recommendations/summary': { expect: EVERYONE, call: () => ({ path: '/api/v1/recommendations/summary?state=KEN' }) },
      'GET /api/v1/recommendations/{id}/related': { expect: NOT_FOUND_FOR_ALL, call: () => ({ path: '/api/v1/recommendations/upr-none/related' }) },
      'GET /api/v1/recommendations/{id}/follow-up': { expect: EVERYONE, call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up` }) },
      'POST /api/v1/recommendations/{id}/follow-up/statuses': {
        expect: KENYA_FOLLOW_UP,
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/statuses`, body: FOLLOW_UP_BODIES.statuses }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/entities': {
        expect: KENYA_FOLLOW_UP,
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/entities`, body: FOLLOW_UP_BODIES.entities }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/actions': {
        expect: KENYA_FOLLOW_UP,
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/actions`, body: FOLLOW_UP_BODIES.actions }),
      },
      'POST /api/v1/recommendations/{id}/follow-up/projects': {
        expect: KENYA_FOLLOW_UP,
        call: () => ({ path: `/api/v1/recommendations/${recommendation}/follow-up/projects`, body: FOLLOW_UP_BODIES.projects }),
      },
      // A new status for each asker: a success withdraws it, and an entry is withdrawn once.
      'POST /api/v1/recommendations/{id}/follow-up/{part}/{entryId}/withdrawal': {
        expect: KENYA_FOLLOW_UP,
        call: async () => ({ path: await withdrawalPath(t, admin(), recommendation), body: WITHDRAWAL }),
      },
      'POST /api/v1/follow-up/assignments': { expect: KENYA_FOLLOW_UP, call: () => ({ path: '/api/v1/follow-up/assignments', body: kenyaAssignment(9) }) },
      'GET /api/v1/recommendations/ratification-outcomes': { expect: EVERYONE, call: () => ({ path: '/api/v1/recommendations/ratification-outcomes?state=KEN' }) },
      'GET /api/v1/recommendations/ratification-outcomes/csv': { expect: EVERYONE, call: () => ({ path: '/api/v1/recommendations/ratification-outcomes/csv?state=KEN' }) },
      'GET /api/v1/recommendations/instrument-links': { expect: EVERYONE, call: () => ({ path: '/api/v1/recommendations/instrument-links?instrument=CRPD' }) },
      'PUT /api/v1/recommendations/{id}/instrument-links/{instrument}/{action}/review': {
        expect: ADMIN_ONLY,
        call: async () => ({ method: 'PUT', path: LINK_REVIEW_PATH, ifMatch: await linkIfMatch(t), body: { verdict: 'confirmed' } }),
      },
      'GET /api/v1/treaty-status/matrix': { expect: EVERYONE, call: () => ({ path: '/api/v1/treaty-status/matrix' }) },
      'GET /api/v1/treaty-status/counts': { expect: EVERYONE, call: () => ({ path: '/api/v1/treaty-status/counts' }) },
      'GET /api/v1/data-quality/conflicts': { expect: EVERYONE, call: () => ({ path: '/api/v1/data-quality/conflicts' }) },
      'GET /api/v1/data-quality/datasets': { expect: EVERYONE, call: () => ({ path: '/api/v1/data-quality/datasets' }) },
      'GET /api/v1/data-quality/name-fallbacks': { expect: EVERYONE, call: () => ({ path: '/api/v1/data-quality/name-fallbacks' }) },
      'GET /api/v1/procedures': { expect: EVERYONE, call: () => ({ path: '/api/v1/procedures' }) },
      'GET /api/v1/procedures/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/procedures/cat-22' }) },
      'GET /api/v1/exports/{file}': { expect: EVERYONE, call: () => ({ path: '/api/v1/exports/organizations.csv' }) },
      'GET /api/v1/treaty-actions': { expect: EVERYONE, call: () => ({ path: '/api/v1/treaty-actions?instrument=ACHPR' }) },
      'GET /api/v1/treaty-actions/{instrument}/{seq}': { expect: EVERYONE, call: () => ({ path: `/api/v1/treaty-actions/ACHPR/${actSeq}` }) },
      'GET /api/v1/permissions': { expect: EVERYONE, call: () => ({ path: '/api/v1/permissions?entity=organization&id=au' }) },
      'GET /api/v1/auth/me': { expect: EVERYONE, call: () => ({ path: '/api/v1/auth/me' }) },
      'GET /api/v1/events': { expect: EVERYONE, call: () => ({ path: '/api/v1/events?region=142' }) },
      'GET /api/v1/events/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/events/asia-pacific-workshop-11' }) },
      'GET /api/v1/event-series': { expect: EVERYONE, call: () => ({ path: '/api/v1/event-series' }) },
      'GET /api/v1/event-series/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/event-series/asia-pacific-workshops' }) },
      'GET /api/v1/events/export/{file}': { expect: EVERYONE, call: () => ({ path: '/api/v1/events/export/events.csv' }) },
      'GET /api/v1/events.ics': { expect: EVERYONE, call: () => ({ path: '/api/v1/events.ics' }) },
      'GET /api/v1/calendar/{file}': { expect: NOT_FOUND_FOR_ALL, call: () => ({ path: `/api/v1/calendar/acf_${'x'.repeat(43)}.ics` }) },
      /** Personal data: OHCHR and administrators only. */
      'GET /api/v1/events/{id}/participants': { expect: [401, 403, 403, 403, 403, 200], call: () => ({ path: '/api/v1/events/matrix-event/participants' }) },
      'POST /api/v1/users/me/calendar-feed': { expect: SIGNED_IN, call: () => ({ path: '/api/v1/users/me/calendar-feed' }) },
      'DELETE /api/v1/users/me/calendar-feed': { expect: SIGNED_IN, call: () => ({ method: 'DELETE', path: '/api/v1/users/me/calendar-feed' }) },
      'POST /api/v1/event-series': { expect: PROGRAMME, call: () => ({ path: '/api/v1/event-series', body: newSeries('matrix-series-2') }) },
      'PATCH /api/v1/event-series/{id}': {
        expect: PROGRAMME,
        call: async () => ({ path: '/api/v1/event-series/matrix-series', ifMatch: await ifMatch(t, admin(), '/api/v1/event-series/matrix-series'), body: { note: 'Yearly', source: EVENT_SOURCE } }),
      },
      'POST /api/v1/events': { expect: PROGRAMME, call: () => ({ path: '/api/v1/events', body: newEventBody('matrix-event-2') }) },
      'PATCH /api/v1/events/{id}': {
        expect: PROGRAMME,
        call: async () => ({ path: '/api/v1/events/matrix-event', ifMatch: await ifMatch(t, admin(), '/api/v1/events/matrix-event'), body: { city: 'Mombasa', source: EVENT_SOURCE } }),
      },
      'DELETE /api/v1/events/{id}': {
        expect: PROGRAMME,
        call: async () => {
          deletable += 1;
          const id = await makeEvent(t, admin(), `matrix-delete-${deletable}`);
          return { method: 'DELETE', path: `/api/v1/events/${id}`, ifMatch: '"v1"' };
        },
      },
      'GET /api/v1/exchanges': { expect: EVERYONE, call: () => ({ path: '/api/v1/exchanges?organization=coe' }) },
      'GET /api/v1/exchanges/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/exchanges/tripartite-2001-vienna' }) },
      'GET /api/v1/exchange-series': { expect: EVERYONE, call: () => ({ path: '/api/v1/exchange-series' }) },
      'GET /api/v1/exchange-series/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/exchange-series/un-osce-coe-tripartite' }) },
      'GET /api/v1/exchanges/export/{file}': { expect: EVERYONE, call: () => ({ path: '/api/v1/exchanges/export/exchanges.csv' }) },
      'POST /api/v1/exchange-series': { expect: PROGRAMME, call: () => ({ path: '/api/v1/exchange-series', body: newExchangeSeries('matrix-exchange-series-2') }) },
      'PATCH /api/v1/exchange-series/{id}': {
        expect: PROGRAMME,
        call: async () => ({
          path: '/api/v1/exchange-series/matrix-exchange-series',
          ifMatch: await ifMatch(t, admin(), '/api/v1/exchange-series/matrix-exchange-series'),
          body: { note: 'Yearly', source: EXCHANGE_SOURCE },
        }),
      },
      'POST /api/v1/exchanges': { expect: PROGRAMME, call: () => ({ path: '/api/v1/exchanges', body: newExchangeBody('matrix-exchange-2') }) },
      'PATCH /api/v1/exchanges/{id}': {
        expect: PROGRAMME,
        call: async () => ({ path: '/api/v1/exchanges/matrix-exchange', ifMatch: await ifMatch(t, admin(), '/api/v1/exchanges/matrix-exchange'), body: { city: 'Nairobi', source: EXCHANGE_SOURCE } }),
      },
      'DELETE /api/v1/exchanges/{id}': {
        expect: PROGRAMME,
        call: async () => {
          deletable += 1;
          const id = await makeExchange(t, admin(), `matrix-exchange-delete-${deletable}`);
          return { method: 'DELETE', path: `/api/v1/exchanges/${id}`, ifMatch: '"v1"' };
        },
      },
      'PUT /api/v1/events/{id}/organizers': {
        expect: PROGRAMME,
        call: async () => ({ method: 'PUT', path: '/api/v1/events/matrix-event/organizers', ifMatch: await ifMatch(t, admin(), '/api/v1/events/matrix-event'), body: ORGANIZERS }),
      },
      'PUT /api/v1/events/{id}/participation': {
        expect: PROGRAMME,
        call: async () => ({ method: 'PUT', path: '/api/v1/events/matrix-event/participation', ifMatch: await ifMatch(t, admin(), '/api/v1/events/matrix-event'), body: COUNTS }),
      },
      'POST /api/v1/events/{id}/participants': { expect: PROGRAMME, call: () => ({ path: '/api/v1/events/matrix-event/participants', body: PARTICIPANT }) },
      'POST /api/v1/events/{id}/participants/{participantId}/erasure': { expect: PROGRAMME, call: () => ({ path: `/api/v1/events/matrix-event/participants/${participant}/erasure` }) },
      'POST /api/v1/events/{id}/actions': { expect: PROGRAMME, call: () => ({ path: '/api/v1/events/matrix-event/actions', body: ACTION }) },
      'PATCH /api/v1/events/{id}/actions/{actionId}': { expect: PROGRAMME, call: () => ({ path: `/api/v1/events/matrix-event/actions/${action}`, body: { status: 'done' } }) },
      // Reads for those signed in.
      'GET /api/v1/history': { expect: SIGNED_IN, call: () => ({ path: '/api/v1/history?entity=organization&id=au' }) },
      'GET /api/v1/auth/tokens': { expect: SIGNED_IN, call: () => ({ path: '/api/v1/auth/tokens' }) },

      // The records of the African Union.
      'POST /api/v1/organizations': {
        expect: ADMIN_ONLY,
        call: () => ({
          path: '/api/v1/organizations',
          body: {
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
          },
        }),
      },
      'PATCH /api/v1/organizations/{id}': {
        expect: AU_EDITORS,
        call: async (who) => ({
          path: '/api/v1/organizations/au',
          ifMatch: await ifMatch(t, admin(), '/api/v1/organizations/au'),
          body: { website: alternate(who, 'https://au.int/en', 'https://au.int/'), source: AU_TREATIES },
        }),
      },
      'POST /api/v1/organizations/{id}/membership-events': { expect: AU_OR_KENYA_EDITORS, call: () => ({ path: '/api/v1/organizations/au/membership-events', body: KENYA_JOINS_AU }) },
      'PATCH /api/v1/organizations/{id}/membership-events/{iso3}/{seq}': {
        expect: AU_OR_KENYA_EDITORS,
        call: async (who) => ({
          path: `/api/v1/organizations/au/membership-events/KEN/${eventSeq}`,
          ifMatch: await eventIfMatch(t, admin(), 'au', 'KEN', eventSeq),
          body: { note: alternate(who, 'OAU; year only (COW IGO codes 1963)', 'OAU; year only (COW IGO codes)'), source: KENYA_JOINS_AU.source },
        }),
      },
      'DELETE /api/v1/organizations/{id}/membership-events/{iso3}/{seq}': {
        expect: AU_OR_KENYA_EDITORS,
        call: async () => {
          const seq = await newEvent(t, admin());
          return { method: 'DELETE', path: `/api/v1/organizations/au/membership-events/KEN/${seq}`, ifMatch: await eventIfMatch(t, admin(), 'au', 'KEN', seq) };
        },
      },
      'POST /api/v1/instruments': { expect: AU_EDITORS, call: (who) => ({ path: '/api/v1/instruments', body: who === 'admin' ? AU_INSTRUMENTS[1] : AU_INSTRUMENTS[0] }) },
      'PATCH /api/v1/instruments/{code}': {
        expect: AU_EDITORS,
        call: async (who) => ({
          path: '/api/v1/instruments/ACHPR',
          ifMatch: await ifMatch(t, admin(), '/api/v1/instruments/ACHPR'),
          // ACHPR art. 63 and 65: instruments are deposited with the Secretary General of the OAU, now the AU Commission.
          body: { depositary: alternate(who, 'Secretary General of the Organization of African Unity', 'Chairperson of the African Union Commission'), source: AU_TREATIES },
        }),
      },
      'POST /api/v1/mechanisms': { expect: AU_EDITORS, call: (who) => ({ path: '/api/v1/mechanisms', body: who === 'admin' ? AU_MECHANISMS[1] : AU_MECHANISMS[0] }) },
      'PATCH /api/v1/mechanisms/{code}': {
        expect: AU_EDITORS,
        call: async (who) => ({
          path: '/api/v1/mechanisms/ACHPR-COMM',
          ifMatch: await ifMatch(t, admin(), '/api/v1/mechanisms/ACHPR-COMM'),
          body: { seatCity: alternate(who, 'Banjul', 'Banjul, The Gambia'), seatIso3: 'GMB', source: AU_TREATIES },
        }),
      },
      'POST /api/v1/treaty-actions': { expect: AU_OR_KENYA_EDITORS, call: () => ({ path: '/api/v1/treaty-actions', body: KENYA_RATIFIES_ACHPR }) },
      'PATCH /api/v1/treaty-actions/{instrument}/{seq}': {
        expect: AU_OR_KENYA_EDITORS,
        call: async (who) => ({
          path: `/api/v1/treaty-actions/ACHPR/${actSeq}`,
          ifMatch: await ifMatch(t, admin(), `/api/v1/treaty-actions/ACHPR/${actSeq}`),
          body: { note: alternate(who, 'deposit; ratified on 23 January 1992', 'deposit'), source: KENYA_RATIFIES_ACHPR.source },
        }),
      },
      'DELETE /api/v1/treaty-actions/{instrument}/{seq}': {
        expect: AU_OR_KENYA_EDITORS,
        call: async () => {
          const seq = await newAct(t, admin());
          return { method: 'DELETE', path: `/api/v1/treaty-actions/ACHPR/${seq}`, ifMatch: await ifMatch(t, admin(), `/api/v1/treaty-actions/ACHPR/${seq}`) };
        },
      },

      // OHCHR's field presences: administrators and OHCHR editors only, whoever else edits a State or an organization.
      'POST /api/v1/presences': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/presences', body: CENTRAL_AFRICA_REPRESENTATIVE }) },
      'PATCH /api/v1/presences/{id}': {
        expect: ADMIN_ONLY,
        call: async (who) => ({
          path: '/api/v1/presences/ro-north-africa',
          ifMatch: await ifMatch(t, admin(), '/api/v1/presences/ro-north-africa'),
          body: { mandate: alternate(who, NORTH_AFRICA_MANDATES[0], NORTH_AFRICA_MANDATES[1]), source: NORTH_AFRICA_SOURCE },
        }),
      },
      'POST /api/v1/presences/{id}/coverage-periods': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/presences/ro-europe/coverage-periods', body: EUROPE_COVERS_BELGIUM }) },
      'PATCH /api/v1/presences/{id}/coverage-periods/{seq}': {
        expect: ADMIN_ONLY,
        call: async (who) => ({
          path: `/api/v1/presences/ro-europe/coverage-periods/${periodSeq}`,
          ifMatch: await periodIfMatch(t, admin(), 'ro-europe', periodSeq),
          body: { note: alternate(who, EUROPE_COVERS_BELGIUM.note, 'EU member State (the seat of the office)'), source: EUROPE_COVERS_BELGIUM.source },
        }),
      },
      'DELETE /api/v1/presences/{id}/coverage-periods/{seq}': {
        expect: ADMIN_ONLY,
        call: async () => {
          const seq = await newPeriod(t, admin());
          return { method: 'DELETE', path: `/api/v1/presences/ro-europe/coverage-periods/${seq}`, ifMatch: await periodIfMatch(t, admin(), 'ro-europe', seq) };
        },
      },
      // The technical-cooperation programme: OHCHR editors and administrators write it; rates are the administrators'.
      'GET /api/v1/projects': { expect: EVERYONE, call: () => ({ path: '/api/v1/projects' }) },
      'GET /api/v1/project-totals': { expect: EVERYONE, call: () => ({ path: '/api/v1/project-totals?base=USD' }) },
      'GET /api/v1/projects/export/{format}': { expect: EVERYONE, call: () => ({ path: '/api/v1/projects/export/csv' }) },
      'GET /api/v1/projects/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/projects/matrix-project' }) },
      'POST /api/v1/projects': {
        expect: ADMIN_ONLY,
        call: () => ({ path: '/api/v1/projects', body: { id: 'matrix-new-project', title: 'Fictional matrix project', status: 'pipeline', source: FICTIONAL_SOURCE } }),
      },
      'PATCH /api/v1/projects/{id}': {
        expect: ADMIN_ONLY,
        call: async (who) => ({
          path: '/api/v1/projects/matrix-project',
          ifMatch: await versionOf(t, admin(), '/api/v1/projects/matrix-project'),
          body: { objectives: alternate(who, 'Fictional objectives', 'Fictional objectives, revised'), source: FICTIONAL_SOURCE },
        }),
      },
      'DELETE /api/v1/projects/{id}': {
        expect: ADMIN_ONLY,
        call: async () => {
          const id = await newProject(t, admin());
          return { method: 'DELETE', path: `/api/v1/projects/${id}`, ifMatch: await versionOf(t, admin(), `/api/v1/projects/${id}`) };
        },
      },
      'GET /api/v1/funding-agreements': { expect: EVERYONE, call: () => ({ path: '/api/v1/funding-agreements' }) },
      'GET /api/v1/funding-agreements/{id}': { expect: EVERYONE, call: () => ({ path: '/api/v1/funding-agreements/matrix-agreement' }) },
      'POST /api/v1/funding-agreements': {
        expect: ADMIN_ONLY,
        call: () => ({ path: '/api/v1/funding-agreements', body: { id: 'matrix-new-agreement', title: 'Fictional matrix agreement', donorName: 'Fictional Donor Fund', source: FICTIONAL_SOURCE } }),
      },
      'PATCH /api/v1/funding-agreements/{id}': {
        expect: ADMIN_ONLY,
        call: async (who) => ({
          path: '/api/v1/funding-agreements/matrix-agreement',
          ifMatch: await versionOf(t, admin(), '/api/v1/funding-agreements/matrix-agreement'),
          body: { reference: alternate(who, 'TEST/1', 'TEST/2'), source: FICTIONAL_SOURCE },
        }),
      },
      'DELETE /api/v1/funding-agreements/{id}': {
        expect: ADMIN_ONLY,
        call: async () => {
          const id = await newAgreement(t, admin());
          return { method: 'DELETE', path: `/api/v1/funding-agreements/${id}`, ifMatch: await versionOf(t, admin(), `/api/v1/funding-agreements/${id}`) };
        },
      },
      'GET /api/v1/resolutions': { expect: EVERYONE, call: () => ({ path: '/api/v1/resolutions' }) },
      'GET /api/v1/resolutions/{id}': { expect: EVERYONE, call: () => ({ path: `/api/v1/resolutions/${ID_2004}` }) },
      'GET /api/v1/resolutions/{id}/akn': { expect: EVERYONE, call: () => ({ path: `/api/v1/resolutions/${ID_2004}/akn` }) },
      'GET /api/v1/resolutions/{id}/compare': { expect: EVERYONE, call: () => ({ path: `/api/v1/resolutions/${ID_2004}/compare?with=${ID_2004}` }) },
      'GET /api/v1/mandates': { expect: EVERYONE, call: () => ({ path: '/api/v1/mandates?overdue=true' }) },
      'GET /api/v1/mandate-calendar': { expect: EVERYONE, call: () => ({ path: '/api/v1/mandate-calendar' }) },
      'GET /api/v1/mandates/{id}': { expect: EVERYONE, call: () => ({ path: `/api/v1/mandates/${ID_2004}.op13` }) },
      'POST /api/v1/resolutions': { expect: PROGRAMME, call: () => ({ path: '/api/v1/resolutions', body: body2004() }) },
      'PATCH /api/v1/mandates/{id}': {
        expect: PROGRAMME,
        call: async () => ({ path: `/api/v1/mandates/${ID_2004}.op13`, ifMatch: await ifMatch(t, admin(), `/api/v1/mandates/${ID_2004}.op13`), body: { statusNote: `checked ${deletable++}` } }),
      },
      // The report: anyone generates it (through their own view); a draft is its owner's (here the
      // administrator's), and drafting is for OHCHR: others are refused before anything is read.
      'GET /api/v1/reports/regional-arrangements': { expect: EVERYONE, call: () => ({ path: REPORT_PATH }) },
      'GET /api/v1/report-drafts': { expect: PROGRAMME, call: () => ({ path: '/api/v1/report-drafts' }) },
      'POST /api/v1/report-drafts': { expect: PROGRAMME, call: () => ({ path: '/api/v1/report-drafts', body: { name: 'Matrix', session: 61, asOf: '2006-06-30' } }) },
      'GET /api/v1/report-drafts/{id}': { expect: PROGRAMME, call: () => ({ path: `/api/v1/report-drafts/${draft}` }) },
      'PATCH /api/v1/report-drafts/{id}': {
        expect: PROGRAMME,
        call: async (who) => ({ path: `/api/v1/report-drafts/${draft}`, ifMatch: await ifMatch(t, admin(), `/api/v1/report-drafts/${draft}`), body: { name: alternate(who, 'Matrix A', 'Matrix B') } }),
      },
      'DELETE /api/v1/report-drafts/{id}': { expect: PROGRAMME, call: async () => ({ path: `/api/v1/report-drafts/${await newDraft(t, admin())}`, ifMatch: '"v1"' }) },
      'PUT /api/v1/report-drafts/{id}/sections/{section}': {
        expect: PROGRAMME,
        call: async (who) => ({
          path: `/api/v1/report-drafts/${draft}/sections/conclusions`,
          ifMatch: await ifMatch(t, admin(), `/api/v1/report-drafts/${draft}`),
          body: { text: alternate(who, 'Conclusions A.', 'Conclusions B.'), basedOn: BASED_ON },
        }),
      },
      'DELETE /api/v1/report-drafts/{id}/sections/{section}': {
        expect: PROGRAMME,
        call: async () => ({ path: `/api/v1/report-drafts/${draft}/sections/conclusions`, ifMatch: await ifMatch(t, admin(), `/api/v1/report-drafts/${draft}`) }),
      },
      'GET /api/v1/report-drafts/{id}/document': { expect: PROGRAMME, call: () => ({ path: `/api/v1/report-drafts/${draft}/document` }) },
      'POST /api/v1/report-drafts/{id}/versions': {
        expect: PROGRAMME,
        call: async () => ({ path: `/api/v1/report-drafts/${draft}/versions`, ifMatch: await ifMatch(t, admin(), `/api/v1/report-drafts/${draft}`), body: {} }),
      },
      'GET /api/v1/report-drafts/{id}/versions/{number}': { expect: PROGRAMME, call: () => ({ path: `/api/v1/report-drafts/${draft}/versions/1` }) },
      'GET /api/v1/report-drafts/{id}/compare': { expect: PROGRAMME, call: () => ({ path: `/api/v1/report-drafts/${draft}/compare?from=1` }) },
      'GET /api/v1/exchange-rates': { expect: EVERYONE, call: () => ({ path: '/api/v1/exchange-rates' }) },
      'GET /api/v1/exchange-rates/{id}': { expect: EVERYONE, call: () => ({ path: `/api/v1/exchange-rates/${rateId}` }) },
      'POST /api/v1/exchange-rates': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/exchange-rates', body: rate('EUR', 'USD', '1.0850', '2024-01-02') }) },
      'DELETE /api/v1/exchange-rates/{id}': { expect: ADMIN_ONLY, call: async () => ({ method: 'DELETE', path: `/api/v1/exchange-rates/${await newRate(t, admin())}` }) },

      // The change feed: anyone; webhooks: administrators.
      'GET /api/v1/changes': { expect: EVERYONE, call: () => ({ path: '/api/v1/changes' }) },
      'GET /api/v1/changes.atom': { expect: EVERYONE, call: () => ({ path: '/api/v1/changes.atom' }) },
      'GET /api/v1/changes.json': { expect: EVERYONE, call: () => ({ path: '/api/v1/changes.json' }) },
      'GET /api/v1/changes/{id}': { expect: EVERYONE, call: () => ({ path: `/api/v1/changes/${change}` }) },
      'GET /api/v1/webhooks': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/webhooks' }) },
      'GET /api/v1/webhooks/{id}': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/webhooks/${webhook}` }) },
      'GET /api/v1/webhooks/{id}/deliveries': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/webhooks/${webhook}/deliveries` }) },
      'POST /api/v1/webhooks': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/webhooks', body: WEBHOOK_BODY }) },
      'PATCH /api/v1/webhooks/{id}': { expect: ADMIN_ONLY, call: (who) => ({ method: 'PATCH', path: `/api/v1/webhooks/${webhook}`, body: { description: alternate(who, 'one', 'two') } }) },
      'DELETE /api/v1/webhooks/{id}': { expect: ADMIN_ONLY, call: async () => ({ method: 'DELETE', path: `/api/v1/webhooks/${await newWebhook(t, admin())}` }) },
      'POST /api/v1/webhooks/{id}/secret': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/webhooks/${webhook}/secret` }) },
      'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/webhooks/${webhook}/deliveries/${delivery}/redeliver` }) },

      // Sync: administrators manage peers and runs; anyone reads what was received, through their view.
      'GET /api/v1/sync/peers': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/sync/peers' }) },
      'GET /api/v1/sync/peers/{id}': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/sync/peers/${peer}` }) },
      'GET /api/v1/sync/peers/{id}/runs': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/sync/peers/${peer}/runs` }) },
      'GET /api/v1/sync/runs/{runId}': { expect: ADMIN_ONLY, call: async () => ({ path: `/api/v1/sync/runs/${await lastRunOf(t, peer)}` }) },
      'POST /api/v1/sync/peers': { expect: ADMIN_ONLY, call: async () => ({ path: '/api/v1/sync/peers', body: await peerBody() }) },
      'PATCH /api/v1/sync/peers/{id}': { expect: ADMIN_ONLY, call: (who) => ({ method: 'PATCH', path: `/api/v1/sync/peers/${peer}`, body: { name: alternate(who, 'One', 'Two') } }) },
      'DELETE /api/v1/sync/peers/{id}': { expect: ADMIN_ONLY, call: async () => ({ method: 'DELETE', path: `/api/v1/sync/peers/${await newPeer(t, admin(), 'To remove')}` }) },
      'POST /api/v1/sync/peers/{id}/runs': {
        expect: ADMIN_ONLY,
        call: async () => {
          // A run of the empty feed ends at once; one still going would make the next a 409.
          for (let i = 0; i < 100 && (await t.db.db.selectFrom('sync_run').select('id').where('status', '=', 'running').executeTakeFirst()); i += 1) await new Promise((r) => setTimeout(r, 20));
          return { path: `/api/v1/sync/peers/${peer}/runs` };
        },
      },
      'POST /api/v1/sync/peers/{id}/check': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/sync/peers/${peer}/check` }) },
      'GET /api/v1/sync/records': { expect: EVERYONE, call: () => ({ path: '/api/v1/sync/records' }) },
      'GET /api/v1/sync/records/{id}/{kind}/{recordId}': { expect: NOT_FOUND_FOR_ALL, call: () => ({ path: `/api/v1/sync/records/${peer}/event/none` }) },
      'GET /api/v1/data-quality/peer-disagreements': { expect: EVERYONE, call: () => ({ path: '/api/v1/data-quality/peer-disagreements' }) },

      // One's own account.
      'POST /api/v1/auth/login': { expect: EVERYONE, call: () => ({ path: '/api/v1/auth/login', body: { email: login.email, password: login.password } }) },
      'POST /api/v1/auth/logout': {
        expect: SIGNED_IN,
        // A second session of the asker is ended, so the asker's own goes on; a token ends every session.
        call: async (who) => {
          if (who === 'anonymous') return { path: '/api/v1/auth/logout', body: {} };
          if (who === 'ownEditor') return { path: '/api/v1/auth/logout', body: { everywhere: true } };
          const spare = who === 'admin' ? adminSpare : (await signIn(t.app, as.accounts[who])).write;
          return { path: '/api/v1/auth/logout', body: {}, headers: spare };
        },
      },
      'POST /api/v1/auth/password': {
        expect: SIGNED_IN,
        call: () => ({ path: '/api/v1/auth/password', body: { currentPassword: PASSWORD, newPassword: 'a new matrix passphrase' } }),
        restore: async (who) => {
          const back = await ask(t, 'POST', '/api/v1/auth/password', as.headers[who], { currentPassword: 'a new matrix passphrase', newPassword: PASSWORD });
          assert.equal(back.status, 200, back.text);
        },
      },
      'POST /api/v1/auth/two-factor/secret': { expect: SIGNED_IN, call: () => ({ path: '/api/v1/auth/two-factor/secret' }) },
      'POST /api/v1/auth/two-factor': {
        expect: SIGNED_IN,
        call: async (who) => {
          const drawn = who === 'anonymous' ? 'A'.repeat(32) : (await ask(t, 'POST', '/api/v1/auth/two-factor/secret', as.headers[who])).body.secret;
          return { path: '/api/v1/auth/two-factor', body: { secret: drawn, code: totpCode(drawn, stepAt(Date.now())) } };
        },
      },
      'POST /api/v1/auth/tokens': { expect: SIGNED_IN, call: () => ({ path: '/api/v1/auth/tokens', body: { name: 'matrix', days: 1 } }) },
      'DELETE /api/v1/auth/tokens/{id}': { expect: OTHERS_TOKEN, call: async () => ({ method: 'DELETE', path: `/api/v1/auth/tokens/${await subjectToken()}` }) },

      // Administration.
      'GET /api/v1/users': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/users' }) },
      'POST /api/v1/users': {
        expect: ADMIN_ONLY,
        call: (who) => ({
          path: '/api/v1/users',
          body: { email: `matrix-made-by-${who.toLowerCase()}@example.org`, displayName: 'Made', lang: 'fr', password: 'a long enough password', roles: ['viewer'] },
        }),
      },
      'GET /api/v1/users/{id}': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/users/${subject.id}` }) },
      'GET /api/v1/users/{id}/tokens': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/users/${subject.id}/tokens` }) },
      'PATCH /api/v1/users/{id}': {
        expect: ADMIN_ONLY,
        call: async (who) => ({ path: `/api/v1/users/${subject.id}`, ifMatch: await ifMatch(t, admin(), `/api/v1/users/${subject.id}`), body: { lang: alternate(who, 'es', 'fr') } }),
      },
      'POST /api/v1/users/{id}/password': { expect: ADMIN_ONLY, call: () => ({ path: `/api/v1/users/${subject.id}/password`, body: { newPassword: 'reset by the administrator' } }) },
      'POST /api/v1/users/{id}/erase': {
        expect: ADMIN_ONLY,
        call: async (who) => ({ path: `/api/v1/users/${(await makeAccount(t.db.db, `matrix-erase-${who.toLowerCase()}@example.org`, ['viewer'])).id}/erase` }),
      },
      'GET /api/v1/audit': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/audit' }) },
      'POST /api/v1/iati/activities': { expect: ADMIN_ONLY, call: (who) => ({ path: IATI_UPLOAD_PATH, headers: asXml(as.headers[who]), body: IATI_FILE }) },
      'GET /api/v1/iati/activities.xml': { expect: EVERYONE, call: () => ({ path: '/api/v1/iati/activities.xml?reportingOrgRef=XX-TEST-1&reportingOrgType=40&reportingOrgName=Test' }) },
      'GET /api/v1/requests': { expect: EVERYONE, call: () => ({ path: '/api/v1/requests' }) },
      'GET /api/v1/cooperation/dashboard': { expect: EVERYONE, call: () => ({ path: '/api/v1/cooperation/dashboard' }) },
      'GET /api/v1/requests/{id}': { expect: KENYA_REQUEST_READERS, call: () => ({ path: `/api/v1/requests/${request}` }) },
      'POST /api/v1/requests': { expect: ADMIN_ONLY, call: () => ({ path: '/api/v1/requests', body: KENYA_REQUEST }) },
      'PATCH /api/v1/requests/{id}': {
        expect: KENYA_REQUEST_WRITERS,
        call: async (who) => ({
          path: `/api/v1/requests/${request}`,
          ifMatch: await ifMatch(t, admin(), `/api/v1/requests/${request}`),
          body: { authority: alternate(who, 'Ministry A', 'Ministry B'), source: REQUEST_SOURCE },
        }),
      },
      'POST /api/v1/requests/{id}/steps': {
        expect: KENYA_REQUEST_WRITERS,
        call: async () => ({ path: `/api/v1/requests/${await kenyaRequest(t, admin())}/steps`, ifMatch: '"v1"', body: FIRST_STEP }),
      },
      'DELETE /api/v1/requests/{id}': { expect: KENYA_REQUEST_WRITERS, call: async () => ({ path: `/api/v1/requests/${await kenyaRequest(t, admin())}`, ifMatch: '"v1"' }) },
      'GET /api/v1/obstacles': { expect: EVERYONE, call: () => ({ path: '/api/v1/obstacles' }) },
      'GET /api/v1/obstacles/{id}': { expect: EVERYONE, call: () => ({ path: `/api/v1/obstacles/${obstacle}` }) },
      'GET /api/v1/obstacles/{id}/strategies': { expect: EVERYONE, call: () => ({ path: `/api/v1/obstacles/${obstacle}/strategies` }) },
      'POST /api/v1/obstacles': { expect: PROGRAMME, call: () => ({ path: '/api/v1/obstacles', body: KENYA_OBSTACLE }) },
      'PATCH /api/v1/obstacles/{id}': {
        expect: PROGRAMME,
        call: async (who) => ({
          path: `/api/v1/obstacles/${obstacle}`,
          ifMatch: await ifMatch(t, admin(), `/api/v1/obstacles/${obstacle}`),
          body: { identifiedBy: alternate(who, 'Workshop A', 'Workshop B'), source: OBSTACLE_SOURCE },
        }),
      },
      'DELETE /api/v1/obstacles/{id}': { expect: PROGRAMME, call: async () => ({ path: `/api/v1/obstacles/${await kenyaObstacle(t, admin())}`, ifMatch: '"v1"' }) },
      'POST /api/v1/obstacles/{id}/strategies': { expect: PROGRAMME, call: () => ({ path: `/api/v1/obstacles/${obstacle}/strategies`, body: KENYA_STRATEGY }) },
      'PATCH /api/v1/obstacles/{id}/strategies/{strategyId}': {
        expect: PROGRAMME,
        call: async (who) => ({
          path: `/api/v1/obstacles/${obstacle}/strategies/${strategy}`,
          ifMatch: await strategyIfMatch(t, admin(), obstacle, strategy),
          body: { outcome: alternate(who, 'Outcome A', 'Outcome B'), source: OBSTACLE_SOURCE },
        }),
      },
      'DELETE /api/v1/obstacles/{id}/strategies/{strategyId}': {
        expect: PROGRAMME,
        call: async () => ({ path: `/api/v1/obstacles/${obstacle}/strategies/${await kenyaStrategy(t, admin(), obstacle)}`, ifMatch: '"v1"' }),
      },
      'GET /api/v1/states/{iso3}/ratification-gaps': { expect: EVERYONE, call: () => ({ path: '/api/v1/states/KEN/ratification-gaps' }) },
      'GET /api/v1/states/{iso3}/ratification-gaps/csv': { expect: EVERYONE, call: () => ({ path: '/api/v1/states/KEN/ratification-gaps/csv' }) },
      'GET /api/v1/instruments/{code}/ratification-gaps': { expect: EVERYONE, call: () => ({ path: '/api/v1/instruments/ICMW/ratification-gaps' }) },
      'GET /api/v1/instruments/{code}/ratification-gaps/csv': { expect: EVERYONE, call: () => ({ path: '/api/v1/instruments/ICMW/ratification-gaps/csv' }) },
    });

    test('the table has a row for every operation of the document, and no other', async () => {
      const documented = (await documentedOperations(t)).sort();
      assert.deepEqual(Object.keys(table()).sort(), documented);
    });

    test('every operation, as every asker, answers as the table says', async () => {
      const mismatches: string[] = [];
      for (const [operation, row] of Object.entries(table())) {
        const [method] = operation.split(' ') as [string];
        for (const [i, who] of ASKERS.entries()) {
          const call = await row.call(who);
          const extra: Record<string, string> = call.ifMatch ? { 'If-Match': call.ifMatch } : {};
          const answer = await ask(t, call.method ?? method, call.path, call.headers ?? as.headers[who], call.body, extra);
          if (answer.status !== row.expect[i]) mismatches.push(`${operation} as ${who}: ${answer.status}, expected ${row.expect[i]} (${answer.text.slice(0, 160)})`);
          else if (answer.status === 200 && row.restore) await row.restore(who, answer);
          if (operation === 'POST /api/v1/auth/two-factor' && answer.status === 200 && who !== 'anonymous') as.accounts[who].totpSecret = (call.body as { secret: string }).secret;
        }
      }
      assert.deepEqual(mismatches, []);
      assert.deepEqual(errors, [], 'no server errors');
    });
  });

  describe(`confidentiality of records entered through the API, on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    const errors: string[] = [];
    let actSeq = 0;
    let hiddenChange = ''; // the change that entered the hidden project
    /** The askers above and the editor of the restricted organization. */
    const headers: Record<string, Record<string, string>> = {};
    // The entitled ask first, so that an answer cached for them would reach the others if the cache mixed them up.
    const ORDER = ['admin', 'cisEditor', 'stateEditor', 'ownEditor', 'otherEditor', 'viewer', 'anonymous'];
    const SIGNED_IN_ASKERS = ORDER.filter((who) => who !== 'anonymous');
    const ACT_NOTE = 'Kenya deposited its instrument of ratification of the Maputo Protocol on 13 October 2010';
    /** The note of a coverage period entered restricted (the Regional Office for Europe is based in Brussels since 2009). */
    const PERIOD_NOTE = 'The Regional Office for Europe is based in Brussels since 2009';
    let periodSeq = 0;
    let hiddenObstacle = 'obs-none';
    let peerId = 'peer-none';
    let walkDraft = 'rd-none'; // the administrator's draft of the report, with a version

    /** Each hidden record: who may see it, and what of it must appear nowhere else (its id and name). */
    const hiddenRecords = () => [
      {
        record: 'the restricted organization cis',
        entitled: ['admin', 'cisEditor'],
        ids: ['cis'],
        markers: ['"cis"', 'organization:cis', 'Commonwealth of Independent States', 'CIS Executive Committee'],
      },
      { record: 'its restricted mechanism CISHRC', entitled: ['admin', 'cisEditor'], ids: ['CISHRC'], markers: ['CISHRC', 'Human Rights Commission of the Commonwealth'] },
      { record: 'the internal instrument AYC', entitled: SIGNED_IN_ASKERS, ids: ['AYC'], markers: ['"AYC"', ',AYC,', 'African Youth Charter'] },
      { record: "Kenya's restricted act", entitled: ['admin', 'stateEditor'], ids: [`ACHPR-WOMEN/${actSeq}`], markers: [ACT_NOTE, 'edit:ACHPR-WOMEN'] },
      { record: 'a restricted coverage period', entitled: ['admin', 'cisEditor'], ids: [`ro-europe/${periodSeq}`], markers: [PERIOD_NOTE] },
      { record: "Kenya's restricted project", entitled: ['admin', 'stateEditor'], ids: ['hidden-project'], markers: ['hidden-project', 'HIDDEN-PROJECT-MARKER', '424242'] },
      { record: 'the internal funding agreement', entitled: SIGNED_IN_ASKERS, ids: ['hidden-agreement'], markers: ['hidden-agreement', 'HIDDEN-AGREEMENT-MARKER'] },
      {
        record: "an obstacle to Kenya's ratification, restricted",
        entitled: ['admin', 'stateEditor'],
        ids: [hiddenObstacle],
        markers: [hiddenObstacle, 'HIDDEN-OBSTACLE-MARKER', 'HIDDEN-STRATEGY-MARKER'],
      },
      { record: 'a record a peer sent, restricted there', entitled: ['admin'], ids: ['hidden-synced'], markers: ['hidden-synced', 'HIDDEN-SYNCED-MARKER'] },
    ];

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'hidden');
      Object.assign(headers, as.headers);
      const CIS = {
        title: 'CIS Executive Committee: Agreement establishing the Commonwealth of Independent States (Minsk, 8 December 1991)',
        url: 'https://e-cis.info/',
        kind: 'official',
        retrieved: '2026-01-15',
      };
      const made = (answer: Answer) => assert.equal(answer.status, 200, answer.text);
      made(
        await ask(t, 'POST', '/api/v1/organizations', as.headers.admin, {
          id: 'cis',
          name: { en: 'Commonwealth of Independent States' },
          acronym: { en: 'CIS' },
          kind: 'regional',
          founded: '1991-12-08',
          hqCity: 'Minsk',
          hqIso3: 'BLR',
          confidentiality: 'restricted',
          audience: ['organization:cis'],
          source: CIS,
        }),
      );
      headers.cisEditor = (await signIn(t.app, await makeAccount(t.db.db, 'hidden-cis@example.org', ['organization-editor:cis']))).write;
      made(
        await ask(t, 'POST', '/api/v1/mechanisms', headers.cisEditor, {
          code: 'CISHRC',
          name: { en: 'Human Rights Commission of the Commonwealth of Independent States' },
          kind: 'commission',
          system: 'regional',
          organizationId: 'cis',
          seatCity: 'Minsk',
          seatIso3: 'BLR',
          established: '1995',
          individualComplaints: true,
          coverageBasis: 'membership',
          coverageOrganization: 'cis',
          confidentiality: 'restricted',
          audience: ['organization:cis'],
          source: { ...CIS, title: 'CIS Executive Committee: Convention on Human Rights and Fundamental Freedoms (Minsk, 26 May 1995), art. 34' },
        }),
      );
      made(await ask(t, 'POST', '/api/v1/instruments', as.headers.ownEditor, { ...AU_INSTRUMENTS[2], confidentiality: 'internal' }));
      const act = await ask(t, 'POST', '/api/v1/treaty-actions', as.headers.stateEditor, {
        instrument: 'ACHPR-WOMEN',
        participant: 'KEN',
        kind: 'ratification',
        date: '2010-10-13',
        note: ACT_NOTE,
        confidentiality: 'restricted',
        audience: ['state:KEN'],
        source: 'parties-gh-attpv2-achpr-women',
      });
      made(act);
      actSeq = Number(String(act.body.id).split('/')[1]);
      const period = await ask(t, 'POST', '/api/v1/presences/ro-europe/coverage-periods', as.headers.admin, {
        ...EUROPE_COVERS_BELGIUM,
        note: PERIOD_NOTE,
        confidentiality: 'restricted',
        audience: ['organization:cis'],
      });
      made(period);
      periodSeq = Number(String(period.body.id).split('/')[1]);
      made(
        await ask(t, 'POST', '/api/v1/funding-agreements', as.headers.admin, {
          id: 'hidden-agreement',
          title: 'HIDDEN-AGREEMENT-MARKER (fictional)',
          donorName: 'Fictional Donor',
          confidentiality: 'internal',
          source: FICTIONAL_SOURCE,
        }),
      );
      made(
        await ask(t, 'POST', '/api/v1/projects', as.headers.admin, {
          id: 'hidden-project',
          title: 'HIDDEN-PROJECT-MARKER (fictional)',
          status: 'implementation',
          countries: [{ iso3: 'KEN' }],
          budget: [{ periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '424242.00', currency: 'USD', fundingSource: 'donor-agreement', agreementId: 'hidden-agreement' }],
          confidentiality: 'restricted',
          audience: ['state:KEN'],
          links: [{ kind: 'resolution-paragraph', ref: `${KEY_2004}#op10` }],
          source: FICTIONAL_SOURCE,
        }),
      );
      await import2004(t, as.headers.admin);
      // A public obstacle naming the internal instrument, with a public strategy carried by the
      // restricted project: neither may show through it. Then a restricted obstacle and its strategy.
      const open = await kenyaObstacle(t, as.headers.admin, { instruments: ['ICMW', 'AYC'] });
      made(await ask(t, 'POST', `/api/v1/obstacles/${open}/strategies`, as.headers.admin, { ...KENYA_STRATEGY, links: [{ kind: 'project', ref: 'hidden-project' }] }));
      hiddenObstacle = await kenyaObstacle(t, as.headers.admin, { description: 'HIDDEN-OBSTACLE-MARKER (fictional)', confidentiality: 'restricted', audience: ['state:KEN'] });
      made(await ask(t, 'POST', `/api/v1/obstacles/${hiddenObstacle}/strategies`, as.headers.admin, { ...KENYA_STRATEGY, description: 'HIDDEN-STRATEGY-MARKER (fictional)' }));
      hiddenChange = await changeIdOf(t, 'hidden-project');
      // A record a peer sent, restricted there: here only those who see every restricted record see it.
      peerId = await newPeer(t, as.headers.admin, 'A peer of the walk');
      await receivedRecord(t, peerId, 'hidden-synced', 'HIDDEN-SYNCED-MARKER (fictional)');
      walkDraft = await newDraft(t, as.headers.admin, true);
    });
    after(async () => {
      await t.db.drop();
    });

    /** Path parameters for each documented GET with any: the hidden records, and public records that might show them. */
    const pathValues = (): Record<string, Record<string, string>[]> => ({
      '/api/v1/states/{iso3}': [{ iso3: 'KEN' }],
      '/api/v1/states/{iso3}/treaties': [{ iso3: 'KEN' }],
      '/api/v1/states/{iso3}/procedures': [{ iso3: 'KEN' }],
      '/api/v1/states/{iso3}/cooperation': [{ iso3: 'KEN' }],
      '/api/v1/organizations/{id}': [{ id: 'cis' }, { id: 'au' }],
      '/api/v1/organizations/{id}/members': [{ id: 'cis' }, { id: 'au' }],
      '/api/v1/organizations/{id}/history': [{ id: 'cis' }, { id: 'au' }],
      '/api/v1/instruments/{code}': [{ code: 'AYC' }, { code: 'ACHPR-WOMEN' }],
      '/api/v1/instruments/{code}/status': [{ code: 'AYC' }, { code: 'ACHPR-WOMEN' }],
      '/api/v1/instruments/{code}/status-history': [{ code: 'AYC' }, { code: 'ACHPR-WOMEN' }],
      '/api/v1/mechanisms/{code}': [{ code: 'CISHRC' }, { code: 'ACHPR-COMM' }],
      '/api/v1/presences/{id}': [{ id: 'ro-europe' }],
      '/api/v1/procedures/{id}': [{ id: 'achpr-56' }],
      '/api/v1/exports/{file}': EXPORT_ENTITIES.flatMap((entity) => EXPORT_FORMATS.map((format) => ({ file: `${entity}.${format}` }))),
      '/api/v1/treaty-actions/{instrument}/{seq}': [{ instrument: 'ACHPR-WOMEN', seq: String(actSeq) }],
      '/api/v1/recommendations/{id}': [],
      '/api/v1/recommendations/{id}/related': [],
      '/api/v1/recommendations/{id}/follow-up': [],
      '/api/v1/recommendations/export/{format}': [{ format: 'csv' }, { format: 'jsonl' }, { format: 'xlsx' }],
      '/api/v1/users/{id}': [],
      '/api/v1/users/{id}/tokens': [],
      '/api/v1/projects/{id}': [{ id: 'hidden-project' }],
      '/api/v1/projects/export/{format}': [{ format: 'csv' }],
      '/api/v1/funding-agreements/{id}': [{ id: 'hidden-agreement' }],
      '/api/v1/exchange-rates/{id}': [{ id: '1' }],
      '/api/v1/requests/{id}': [],
      '/api/v1/events/{id}': [{ id: 'asia-pacific-workshop-11' }],
      '/api/v1/events/{id}/participants': [{ id: 'asia-pacific-workshop-11' }],
      '/api/v1/event-series/{id}': [{ id: 'asia-pacific-workshops' }],
      '/api/v1/events/export/{file}': [{ file: 'events.csv' }, { file: 'participation.csv' }],
      '/api/v1/exchanges/{id}': [{ id: 'tripartite-2001-vienna' }],
      '/api/v1/exchange-series/{id}': [{ id: 'un-osce-coe-tripartite' }],
      '/api/v1/exchanges/export/{file}': [{ file: 'exchanges.csv' }],
      '/api/v1/calendar/{file}': [{ file: `acf_${'x'.repeat(43)}.ics` }],
      '/api/v1/obstacles/{id}': [{ id: hiddenObstacle }],
      '/api/v1/obstacles/{id}/strategies': [{ id: hiddenObstacle }],
      '/api/v1/states/{iso3}/ratification-gaps': [{ iso3: 'KEN' }],
      '/api/v1/states/{iso3}/ratification-gaps/csv': [{ iso3: 'KEN' }],
      '/api/v1/instruments/{code}/ratification-gaps': [{ code: 'AYC' }, { code: 'ICMW' }],
      '/api/v1/instruments/{code}/ratification-gaps/csv': [{ code: 'AYC' }, { code: 'ICMW' }],
      '/api/v1/changes/{id}': [{ id: hiddenChange }],
      '/api/v1/webhooks/{id}': [],
      '/api/v1/webhooks/{id}/deliveries': [],
      '/api/v1/sync/peers/{id}': [],
      '/api/v1/sync/peers/{id}/runs': [],
      '/api/v1/sync/runs/{runId}': [],
      '/api/v1/sync/records/{id}/{kind}/{recordId}': [{ id: peerId, kind: 'event', recordId: 'hidden-synced' }],
      '/api/v1/resolutions/{id}': [{ id: ID_2004 }],
      '/api/v1/resolutions/{id}/akn': [{ id: ID_2004 }],
      '/api/v1/resolutions/{id}/compare': [{ id: ID_2004 }],
      '/api/v1/mandates/{id}': [{ id: `${ID_2004}.op10` }],
      '/api/v1/report-drafts/{id}': [{ id: walkDraft }],
      '/api/v1/report-drafts/{id}/document': [{ id: walkDraft }],
      '/api/v1/report-drafts/{id}/versions/{number}': [{ id: walkDraft, number: '1' }],
      '/api/v1/report-drafts/{id}/compare': [{ id: walkDraft }],
    });
    /** Query values that name hidden records: filters, searches, and the record routes. */
    const queryValues: Record<string, string[]> = {
      organization: ['cis', 'au'],
      instrument: ['AYC'],
      instruments: ['AYC'],
      mechanism: ['CISHRC'],
      q: ['Commonwealth', 'CIS', 'African Youth', 'AYC', 'Maputo'],
    };
    const RECORDS = [
      ['organization', 'cis'],
      ['mechanism', 'CISHRC'],
      ['instrument', 'AYC'],
      ['treaty-action', () => `edit:ACHPR-WOMEN/${actSeq}`],
      ['coverage-period', () => `ro-europe/${periodSeq}`],
      ['organization', 'au'],
    ] as const;

    /** Every GET of the document as addresses to ask, each with the hidden ids it names. */
    async function addresses(): Promise<string[]> {
      const doc = (await t.get('/api/v1/openapi.json')).body;
      const values = pathValues();
      const urls: string[] = [];
      for (const [path, item] of Object.entries<any>(doc.paths)) {
        if (!item.get) continue;
        const params: { name: string; in: string; required?: boolean }[] = item.get.parameters ?? [];
        const inPath = params.filter((p) => p.in === 'path');
        const cases = inPath.length ? values[path] : [{}];
        assert.ok(cases, `${path}: the walk names values for its path parameters`);
        const query = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
        for (const bound of cases) {
          const base = path.replace(/\{(\w+)\}/g, (_, name) => bound[name] ?? '');
          if (path === '/api/v1/permissions' || path === '/api/v1/history') {
            for (const [entity, id] of RECORDS) urls.push(`${base}?entity=${entity}&id=${encodeURIComponent(typeof id === 'function' ? id() : id)}`);
            continue;
          }
          // The report counts and lists every record its asker sees, as of today: each format.
          if (path === '/api/v1/reports/regional-arrangements') {
            for (const format of ['json', 'html']) urls.push(`${base}?session=81&asOf=${new Date().toISOString().slice(0, 10)}&format=${format}`);
            continue;
          }
          const limit = query.has('limit') ? 'limit=1000' : '';
          if (!params.some((p) => p.in === 'query' && p.required)) urls.push(limit ? `${base}?${limit}` : base);
          for (const [name, list] of Object.entries(queryValues)) {
            // Of the exports, only the members take an organization (the others ignore it).
            if (!query.has(name) || (path === '/api/v1/exports/{file}' && !bound.file?.startsWith('members.'))) continue;
            for (const value of list) urls.push(`${base}?${[limit, `${name}=${encodeURIComponent(value)}`].filter(Boolean).join('&')}`);
          }
        }
      }
      return urls;
    }

    test('a reader not entitled finds no trace of a hidden record in any answer; those entitled see it', async () => {
      const urls = await addresses();
      const problems: string[] = [];
      const seen: Record<string, Record<string, string>> = {};
      for (const pass of [1, 2]) {
        for (const who of ORDER) {
          // The second pass asks again what the response cache keeps (exports are streamed, never kept).
          for (const url of pass === 1 ? urls : urls.filter((u) => !u.startsWith('/api/v1/exports/'))) {
            const started = performance.now();
            const answer = await ask(t, 'GET', url, headers[who] ?? {});
            if (process.env.WALK_TIMES) console.log(Math.round(performance.now() - started), url);
            if (answer.status >= 500) problems.push(`${url} as ${who}: ${answer.status}`);
            for (const hidden of hiddenRecords()) {
              if (hidden.entitled.includes(who)) continue;
              const named = hidden.ids.find((id) => decodeURIComponent(url).includes(id));
              if (named) {
                // An address naming the record gets what it gets for a record that does not exist.
                const absent = await ask(t, 'GET', decodeURIComponent(url).replace(named, `ZZ${named}`), headers[who] ?? {});
                if (answer.status !== absent.status || answer.text !== absent.text.replaceAll(`ZZ${named}`, named)) {
                  problems.push(`${url} as ${who}: ${answer.status} ${answer.text.slice(0, 120)}, unlike a record that does not exist (${absent.status})`);
                }
                continue;
              }
              for (const marker of hidden.markers) if (answer.text.includes(marker)) problems.push(`${url} as ${who} shows ${hidden.record} (${marker})`);
            }
            seen[who] ??= {};
            if (pass === 1) seen[who][url] = answer.text;
            else if (seen[who][url] !== answer.text && !url.includes('/auth/') && !url.includes('/audit')) problems.push(`${url} as ${who}: a different answer the second time`);
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, [], 'no server errors');
    });

    test('those entitled find the hidden records in the lists, counts, pages, search and exports', async () => {
      const get = (url: string, who: string) => ask(t, 'GET', url, headers[who] ?? {});
      const total = async (url: string, who: string) => (await get(url, who)).body.total as number;
      for (const who of ['admin', 'cisEditor']) {
        assert.equal(await total('/api/v1/organizations?limit=1', who), (await total('/api/v1/organizations?limit=1', 'anonymous')) + 1, `organizations counted for ${who}`);
        assert.equal(await total('/api/v1/mechanisms?limit=1', who), (await total('/api/v1/mechanisms?limit=1', 'ownEditor')) + 1, `mechanisms counted for ${who}`);
        assert.equal((await get('/api/v1/organizations/cis', who)).status, 200);
        assert.equal((await get('/api/v1/mechanisms/CISHRC', who)).status, 200);
        assert.match((await get('/api/v1/search?q=Commonwealth', who)).text, /"cis"/);
        assert.match((await get('/api/v1/exports/mechanisms.csv', who)).text, /\nCISHRC,/);
        assert.equal((await get('/api/v1/history?entity=organization&id=cis', who)).status, 200);
        assert.ok((await get('/api/v1/presences/ro-europe', who)).text.includes(PERIOD_NOTE), `the restricted period for ${who}`);
        assert.deepEqual((await get('/api/v1/presences?asOf=2010-06-01&limit=1000', who)).body.items.find((p: { id: string }) => p.id === 'ro-europe').covers, ['BEL']);
      }
      assert.deepEqual((await get('/api/v1/presences?asOf=2010-06-01&limit=1000', 'viewer')).body.items.find((p: { id: string }) => p.id === 'ro-europe').covers, [], 'not for others');
      for (const who of SIGNED_IN_ASKERS) {
        assert.equal(await total('/api/v1/instruments?limit=1', who), (await total('/api/v1/instruments?limit=1', 'anonymous')) + 1, `instruments counted for ${who}`);
        assert.equal((await get('/api/v1/instruments/AYC', who)).status, 200);
        assert.match((await get('/api/v1/exports/instruments.json', who)).text, /"AYC"/);
      }
      for (const who of ['admin', 'stateEditor']) {
        const act = await get(`/api/v1/treaty-actions/ACHPR-WOMEN/${actSeq}`, who);
        assert.equal(act.status, 200, `the act for ${who}`);
        assert.equal(act.body.note, ACT_NOTE);
        assert.ok((await get('/api/v1/exports/treaty-actions.csv', who)).text.includes(ACT_NOTE), `the act exported for ${who}`);
      }
    });
  });
}
