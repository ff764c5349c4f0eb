// Hostile requests to every write route (issue 12), generated with fast-check: bodies with a
// field of the wrong type, missing or extra (prototype keys too), huge strings, NUL and control
// characters, bidi overrides, SQL and HTML fragments, deep nesting, numbers as strings, dates
// that do not exist; malformed JSON and other content types; hostile If-Match values and path
// parameters. Sent by the administrator (who may call every route), each must be answered with a
// 4xx in the error shape { error: { code, message, details } }, details naming the field or
// parameter at fault for a validation error, and write nothing: the audit trail and the records
// stay as they were. Updates are sent with a stale If-Match, so that no body, however valid,
// could change a record. The seed is fixed (FC_SEED to change it) and printed on failure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createTokenUseCase } from '../../src/modules/accounts/tokens.ts';
import { systemContext } from '../../src/modules/audit/context.ts';
import { runUseCase } from '../../src/modules/audit/pipeline.ts';
import { makeAccount, PASSWORD, type TestAccount } from '../support/accounts.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { type Answer, type Askers, ask, setUpAskers } from '../support/askers.ts';
import { testDialects } from '../support/databases.ts';
import { FIRST_STEP, KENYA_REQUEST, kenyaRequest, REQUEST_SOURCE } from '../support/requests.ts';
import { KENYA_OBSTACLE, KENYA_STRATEGY, kenyaObstacle, kenyaStrategy, OBSTACLE_SOURCE } from '../support/obstacles.ts';
import { ACTION, COUNTS, EVENT_SOURCE, makeAction, makeEvent, makeParticipant, newEventBody, newSeries, ORGANIZERS, PARTICIPANT } from '../support/event-requests.ts';
import { body2004, ID_2004, import2004 } from '../support/resolutions.ts';
import { EXCHANGE_SOURCE, makeExchange, newExchangeBody, newExchangeSeries } from '../support/exchange-requests.ts';
import { FOLLOW_UP_BODIES, kenyaAssignment, kenyaRecommendation, WITHDRAWAL, withdrawalPath } from '../support/follow-up.ts';
import { LINK_REVIEW_PATH, LINKED_ID, storeLinkedRecommendation } from '../support/linked-recommendation.ts';
import { reviewLink } from '../../src/modules/recommendation-instruments/review.ts';
import { AGREEMENT, FICTIONAL_SOURCE, IATI_UPLOAD_PATH, newAgreement, newProject, newRate, PROJECT, rate } from '../support/projects.ts';
import { newPeer, peerBody } from '../support/sync.ts';
import { newDelivery, newWebhook, WEBHOOK_BODY } from '../support/webhooks.ts';
import { BASED_ON, DRAFT_BODY, newDraft } from '../support/report-drafts.ts';
import {
  AU_INSTRUMENTS,
  AU_MECHANISMS,
  AU_TREATIES,
  CENTRAL_AFRICA_REPRESENTATIVE,
  EUROPE_COVERS_BELGIUM,
  KENYA_JOINS_AU,
  KENYA_RATIFIES_ACHPR,
  NORTH_AFRICA_MANDATES,
  NORTH_AFRICA_SOURCE,
  newAct,
  newEvent,
  newPeriod,
} from '../support/registry-requests.ts';

const SEED = Number(process.env.FC_SEED ?? 20260115);
const RUNS = Number(process.env.FC_RUNS ?? 50);
const STALE = '"v999999"';

/** A valid request of each write route (on the records set up below), and the records to watch. */
interface Base {
  path: string;
  body?: Record<string, unknown>;
  /** Updates and deletes name a version; the base names one that is never current. */
  versioned?: boolean;
  /** Addresses of the records the route could change, read before and after. */
  watch: string[];
}

// Fragments a hostile client sends.
const FRAGMENTS = [
  "'; DROP TABLE organization; --",
  "' OR '1'='1",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u202Eevil\u202C',
  '\u2066isolate\u2069',
  '\u0000',
  '\u0007\u001B[31m',
  '%00',
  '../../etc/passwd',
  '$' + '{process.exit(1)}', // a template literal's placeholder, as text
  '{{constructor.constructor("return 1")()}}',
  '__proto__',
  'constructor',
  '\uD800',
  '\uFFFE',
];
const hostileText = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
/** Strings no field takes: a NUL inside, or longer than any field's limit (but under the 64 KB body limit). */
const invalidString = fc.oneof(
  fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}\u0000${b}`),
  fc.integer({ min: 21_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
);
const deep = fc.integer({ min: 50, max: 3000 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown);
const notAString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })), deep);
const BAD_DATES = ['2023-02-29', '0000-00-00', '2023-13-01', '2023-00-10', '1999-02-31', '20230101', '2023/01/01', '2023-1-1', '9999-99-99', ' 2023', 'yesterday'];
const DATE_FIELDS = new Set(['date', 'holdsFrom', 'effective', 'founded', 'adopted', 'entryIntoForce', 'established', 'retrieved', 'asOf', 'from', 'until', 'opened', 'closed']);

type Schema = { type?: string | string[]; $ref?: string; anyOf?: Schema[]; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[] };

for (const dialect of testDialects()) {
  describe(`hostile requests to every write route on ${dialect}`, () => {
    let t: TestApp;
    let as: Askers;
    let doc: any;
    let subject: TestAccount;
    let eventSeq = 0;
    let actSeq = 0;
    let periodSeq = 0;
    let tokenId = '';
    let recommendation = ''; // a recommendation to Kenya
    let withdrawable = ''; // the address that withdraws a status of it
    let rateId = '';
    let hook = ''; // a webhook and a delivery of it
    let delivery = '';
    let peer = ''; // a sync peer, and the body that adds one
    let newPeerBody: Record<string, unknown> = {};
    let request = ''; // a request for assistance of Kenya
    let obstacle = ''; // an obstacle to Kenya's ratification
    let strategy = ''; // a strategy for it
    let participant = ''; // a participant of props-event
    let action = ''; // a follow-up action of props-event
    let draft = ''; // the address of a draft of the report
    const errors: string[] = [];

    before(async () => {
      t = await seededApp(dialect, errors);
      as = await setUpAskers(t, 'props');
      doc = (await t.get('/api/v1/openapi.json')).body;
      subject = await makeAccount(t.db.db, 'props-subject@example.org', ['viewer']);
      eventSeq = await newEvent(t, as.headers.admin);
      actSeq = await newAct(t, as.headers.admin);
      periodSeq = await newPeriod(t, as.headers.admin);
      recommendation = await kenyaRecommendation(t, 9);
      withdrawable = await withdrawalPath(t, as.headers.admin, recommendation);
      request = await kenyaRequest(t, as.headers.admin);
      obstacle = await kenyaObstacle(t, as.headers.admin);
      strategy = await kenyaStrategy(t, as.headers.admin, obstacle);
      await makeEvent(t, as.headers.admin, 'props-event');
      participant = await makeParticipant(t, as.headers.admin, 'props-event');
      draft = `/api/v1/report-drafts/${await newDraft(t, as.headers.admin)}`;
      action = await makeAction(t, as.headers.admin, 'props-event');
      await makeExchange(t, as.headers.admin, 'props-exchange');
      await import2004(t, as.headers.admin);
      // A first review, so that "v0" (the version of a link never reviewed) is stale like any other.
      await storeLinkedRecommendation(t);
      await reviewLink(t.db.db, { recommendationId: LINKED_ID, instrument: 'CRPD', action: 'ratify', verdict: 'confirmed', note: null, expectedVersion: 0 }, systemContext('test'));
      await newAgreement(t, as.headers.admin, 'test-agreement');
      await newProject(t, as.headers.admin, 'props-project');
      rateId = await newRate(t, as.headers.admin);
      hook = await newWebhook(t, as.headers.admin);
      delivery = await newDelivery(t, hook);
      peer = await newPeer(t, as.headers.admin);
      newPeerBody = await peerBody('Another peer');
      tokenId = (await runUseCase(t.db.db, createTokenUseCase, { actor: 'system', userId: subject.id, name: 'subject', days: 1 }, systemContext('test'))).id;
    });
    after(async () => {
      await t.db.drop();
    });

    const bases = (): Record<string, Base> => {
      const event = `/api/v1/organizations/au/membership-events/KEN/${eventSeq}`;
      const act = `/api/v1/treaty-actions/ACHPR/${actSeq}`;
      const user = `/api/v1/users/${subject.id}`;
      const history = '/api/v1/organizations/au/history?limit=1000';
      const ev = '/api/v1/events/props-event';
      const people = `${ev}/participants`;
      return {
        'POST /api/v1/event-series': { path: '/api/v1/event-series', body: newSeries('props-series'), watch: ['/api/v1/event-series'] },
        'PATCH /api/v1/event-series/{id}': {
          path: '/api/v1/event-series/asia-pacific-workshops',
          body: { note: 'Held most years', source: EVENT_SOURCE },
          versioned: true,
          watch: ['/api/v1/event-series/asia-pacific-workshops'],
        },
        'POST /api/v1/exchange-series': { path: '/api/v1/exchange-series', body: newExchangeSeries('props-exchange-series'), watch: ['/api/v1/exchange-series'] },
        'PATCH /api/v1/exchange-series/{id}': {
          path: '/api/v1/exchange-series/un-osce-coe-tripartite',
          body: { note: 'Held most years', source: EXCHANGE_SOURCE },
          versioned: true,
          watch: ['/api/v1/exchange-series/un-osce-coe-tripartite'],
        },
        'POST /api/v1/resolutions': { path: '/api/v1/resolutions', body: body2004(), watch: ['/api/v1/resolutions?limit=1000'] },
        'POST /api/v1/report-drafts': { path: '/api/v1/report-drafts', body: { ...DRAFT_BODY }, watch: ['/api/v1/report-drafts'] },
        'PATCH /api/v1/report-drafts/{id}': { path: draft, body: { name: 'Renamed', lang: 'fr' }, versioned: true, watch: [draft] },
        'DELETE /api/v1/report-drafts/{id}': { path: draft, versioned: true, watch: [draft] },
        'PUT /api/v1/report-drafts/{id}/sections/{section}': { path: `${draft}/sections/conclusions`, body: { text: 'Our conclusions.', basedOn: BASED_ON }, versioned: true, watch: [draft] },
        'DELETE /api/v1/report-drafts/{id}/sections/{section}': { path: `${draft}/sections/conclusions`, versioned: true, watch: [draft] },
        'POST /api/v1/report-drafts/{id}/versions': { path: `${draft}/versions`, body: { note: 'A note' }, versioned: true, watch: [draft] },
        'PATCH /api/v1/mandates/{id}': { path: `/api/v1/mandates/${ID_2004}.op13`, body: { status: 'in-progress', statusNote: 'begun' }, versioned: true, watch: [`/api/v1/mandates/${ID_2004}.op13`] },
        'POST /api/v1/exchanges': { path: '/api/v1/exchanges', body: newExchangeBody('props-new-exchange'), watch: ['/api/v1/exchanges?limit=1000'] },
        'PATCH /api/v1/exchanges/{id}': {
          path: '/api/v1/exchanges/props-exchange',
          body: { city: 'Nairobi', end: '2026-03-12', source: EXCHANGE_SOURCE },
          versioned: true,
          watch: ['/api/v1/exchanges/props-exchange'],
        },
        'DELETE /api/v1/exchanges/{id}': { path: '/api/v1/exchanges/props-exchange', versioned: true, watch: ['/api/v1/exchanges/props-exchange'] },
        'POST /api/v1/events': { path: '/api/v1/events', body: newEventBody('props-new-event'), watch: ['/api/v1/events?limit=1000'] },
        'PATCH /api/v1/events/{id}': { path: ev, body: { city: 'Mombasa', end: '2026-03-13', source: EVENT_SOURCE }, versioned: true, watch: [ev] },
        'DELETE /api/v1/events/{id}': { path: ev, versioned: true, watch: [ev] },
        'PUT /api/v1/events/{id}/organizers': { path: `${ev}/organizers`, body: ORGANIZERS, versioned: true, watch: [ev] },
        'PUT /api/v1/events/{id}/participation': { path: `${ev}/participation`, body: COUNTS, versioned: true, watch: [ev] },
        'POST /api/v1/events/{id}/participants': { path: people, body: PARTICIPANT, watch: [people] },
        'POST /api/v1/events/{id}/participants/{participantId}/erasure': { path: `${people}/${participant}/erasure`, watch: [people] },
        'POST /api/v1/events/{id}/actions': { path: `${ev}/actions`, body: ACTION, watch: [ev] },
        'PATCH /api/v1/events/{id}/actions/{actionId}': { path: `${ev}/actions/${action}`, body: { status: 'done', doneOn: '2026-04-02' }, watch: [ev] },
        'POST /api/v1/users/me/calendar-feed': { path: '/api/v1/users/me/calendar-feed', watch: [] },
        'DELETE /api/v1/users/me/calendar-feed': { path: '/api/v1/users/me/calendar-feed', watch: [] },
        'POST /api/v1/organizations': {
          path: '/api/v1/organizations',
          body: { id: 'aes', name: { en: 'Alliance of Sahel States' }, kind: 'subregional', founded: '2023-09-16', source: AU_TREATIES },
          watch: ['/api/v1/organizations?limit=1000'],
        },
        'PATCH /api/v1/organizations/{id}': {
          path: '/api/v1/organizations/au',
          body: { website: 'https://au.int/en', founded: '2002-07-09', source: AU_TREATIES },
          versioned: true,
          watch: ['/api/v1/organizations/au'],
        },
        'POST /api/v1/organizations/{id}/membership-events': { path: '/api/v1/organizations/au/membership-events', body: { ...KENYA_JOINS_AU }, watch: [history] },
        'PATCH /api/v1/organizations/{id}/membership-events/{iso3}/{seq}': {
          path: event,
          body: { note: 'OAU (COW: 1963)', date: '1963', source: KENYA_JOINS_AU.source },
          versioned: true,
          watch: [history],
        },
        'DELETE /api/v1/organizations/{id}/membership-events/{iso3}/{seq}': { path: event, versioned: true, watch: [history] },
        // Uploads take a CSV body: every JSON body thrown at them is refused for its type, and nothing is stored.
        'POST /api/v1/imports/{kind}': { path: '/api/v1/imports/upr-info?filename=properties.csv', body: {}, watch: ['/api/v1/recommendations?facets=false'] },
        // An IATI file is XML: a JSON body is refused for its type; XML that is not an activity file is refused whole (422).
        'POST /api/v1/iati/activities': { path: IATI_UPLOAD_PATH, body: {}, watch: ['/api/v1/projects?limit=1000'] },
        ...followUpBases(),
        'PUT /api/v1/recommendations/{id}/instrument-links/{instrument}/{action}/review': {
          path: LINK_REVIEW_PATH,
          body: { verdict: 'rejected', note: 'not a request to ratify' },
          versioned: true,
          watch: [`/api/v1/recommendations/${LINKED_ID}`],
        },
        'POST /api/v1/instruments': { path: '/api/v1/instruments', body: { ...AU_INSTRUMENTS[0] }, watch: ['/api/v1/instruments?limit=1000'] },
        'PATCH /api/v1/instruments/{code}': {
          path: '/api/v1/instruments/ACHPR',
          body: { depositary: 'Chairperson of the African Union Commission', binding: true, source: AU_TREATIES },
          versioned: true,
          watch: ['/api/v1/instruments/ACHPR'],
        },
        'POST /api/v1/mechanisms': { path: '/api/v1/mechanisms', body: { ...AU_MECHANISMS[0] }, watch: ['/api/v1/mechanisms?limit=1000'] },
        'PATCH /api/v1/mechanisms/{code}': {
          path: '/api/v1/mechanisms/ACHPR-COMM',
          body: { seatCity: 'Banjul', individualComplaints: true, source: AU_TREATIES },
          versioned: true,
          watch: ['/api/v1/mechanisms/ACHPR-COMM'],
        },
        'POST /api/v1/treaty-actions': { path: '/api/v1/treaty-actions', body: { ...KENYA_RATIFIES_ACHPR }, watch: ['/api/v1/states/KEN/treaties', '/api/v1/data-quality/datasets?limit=1000'] },
        'PATCH /api/v1/treaty-actions/{instrument}/{seq}': { path: act, body: { note: 'deposit', date: '1992-02-10', source: KENYA_RATIFIES_ACHPR.source }, versioned: true, watch: [act] },
        'DELETE /api/v1/treaty-actions/{instrument}/{seq}': { path: act, versioned: true, watch: [act] },
        'POST /api/v1/presences': { path: '/api/v1/presences', body: { ...CENTRAL_AFRICA_REPRESENTATIVE }, watch: ['/api/v1/presences?limit=1000'] },
        'PATCH /api/v1/presences/{id}': {
          path: '/api/v1/presences/ro-north-africa',
          body: { mandate: NORTH_AFRICA_MANDATES[0], opened: '2012', closed: null, source: NORTH_AFRICA_SOURCE },
          versioned: true,
          watch: ['/api/v1/presences/ro-north-africa'],
        },
        'POST /api/v1/presences/{id}/coverage-periods': {
          path: '/api/v1/presences/ro-europe/coverage-periods',
          body: { ...EUROPE_COVERS_BELGIUM, until: null },
          watch: ['/api/v1/presences/ro-europe'],
        },
        'PATCH /api/v1/presences/{id}/coverage-periods/{seq}': {
          path: `/api/v1/presences/ro-europe/coverage-periods/${periodSeq}`,
          body: { ...EUROPE_COVERS_BELGIUM, until: null },
          versioned: true,
          watch: ['/api/v1/presences/ro-europe'],
        },
        'DELETE /api/v1/presences/{id}/coverage-periods/{seq}': { path: `/api/v1/presences/ro-europe/coverage-periods/${periodSeq}`, versioned: true, watch: ['/api/v1/presences/ro-europe'] },
        'POST /api/v1/projects': { path: '/api/v1/projects', body: { ...PROJECT, id: 'props-new' }, watch: ['/api/v1/projects?limit=1000'] },
        'PATCH /api/v1/projects/{id}': {
          path: '/api/v1/projects/props-project',
          body: { status: 'closed', budget: PROJECT.budget, plannedStart: '2024-01-01', source: FICTIONAL_SOURCE },
          versioned: true,
          watch: ['/api/v1/projects/props-project'],
        },
        'DELETE /api/v1/projects/{id}': { path: '/api/v1/projects/props-project', versioned: true, watch: ['/api/v1/projects/props-project'] },
        'POST /api/v1/funding-agreements': { path: '/api/v1/funding-agreements', body: { ...AGREEMENT, id: 'props-agreement' }, watch: ['/api/v1/funding-agreements?limit=1000'] },
        'PATCH /api/v1/funding-agreements/{id}': {
          path: '/api/v1/funding-agreements/test-agreement',
          body: { reference: 'TEST/9', amount: '5.00', endDate: '2027', source: FICTIONAL_SOURCE },
          versioned: true,
          watch: ['/api/v1/funding-agreements/test-agreement'],
        },
        'DELETE /api/v1/funding-agreements/{id}': { path: '/api/v1/funding-agreements/test-agreement', versioned: true, watch: ['/api/v1/funding-agreements/test-agreement'] },
        'POST /api/v1/exchange-rates': { path: '/api/v1/exchange-rates', body: rate('EUR', 'USD', '1.0850', '2024-01-02'), watch: ['/api/v1/exchange-rates?limit=1000'] },
        'DELETE /api/v1/exchange-rates/{id}': { path: `/api/v1/exchange-rates/${rateId}`, watch: ['/api/v1/exchange-rates?limit=1000'] },
        'POST /api/v1/webhooks': { path: '/api/v1/webhooks', body: { ...WEBHOOK_BODY }, watch: ['/api/v1/webhooks'] },
        'PATCH /api/v1/webhooks/{id}': { path: `/api/v1/webhooks/${hook}`, body: { ...WEBHOOK_BODY, active: false }, watch: [`/api/v1/webhooks/${hook}`] },
        'DELETE /api/v1/webhooks/{id}': { path: `/api/v1/webhooks/${hook}`, watch: ['/api/v1/webhooks'] },
        'POST /api/v1/webhooks/{id}/secret': { path: `/api/v1/webhooks/${hook}/secret`, watch: [`/api/v1/webhooks/${hook}`] },
        'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': { path: `/api/v1/webhooks/${hook}/deliveries/${delivery}/redeliver`, watch: [`/api/v1/webhooks/${hook}/deliveries`] },
        'POST /api/v1/sync/peers': { path: '/api/v1/sync/peers', body: { ...newPeerBody }, watch: ['/api/v1/sync/peers'] },
        'PATCH /api/v1/sync/peers/{id}': { path: `/api/v1/sync/peers/${peer}`, body: { name: 'Renamed', pageSize: 10, active: false }, watch: [`/api/v1/sync/peers/${peer}`] },
        'DELETE /api/v1/sync/peers/{id}': { path: `/api/v1/sync/peers/${peer}`, watch: ['/api/v1/sync/peers'] },
        'POST /api/v1/sync/peers/{id}/runs': { path: `/api/v1/sync/peers/${peer}/runs`, watch: [`/api/v1/sync/peers/${peer}/runs`] },
        'POST /api/v1/sync/peers/{id}/check': { path: `/api/v1/sync/peers/${peer}/check`, watch: [`/api/v1/data-quality/peer-disagreements?peer=${peer}`] },
        'POST /api/v1/auth/login': { path: '/api/v1/auth/login', body: { email: subject.email, password: PASSWORD }, watch: [user] },
        'POST /api/v1/auth/logout': { path: '/api/v1/auth/logout', body: { everywhere: false }, watch: ['/api/v1/auth/me'] },
        'POST /api/v1/auth/password': { path: '/api/v1/auth/password', body: { currentPassword: PASSWORD, newPassword: 'a new hostile passphrase' }, watch: [`/api/v1/users/${as.accounts.admin.id}`] },
        'POST /api/v1/auth/two-factor/secret': { path: '/api/v1/auth/two-factor/secret', watch: [`/api/v1/users/${as.accounts.admin.id}`] },
        'POST /api/v1/auth/two-factor': { path: '/api/v1/auth/two-factor', body: { secret: 'A'.repeat(32), code: '123456' }, watch: [`/api/v1/users/${as.accounts.admin.id}`] },
        'POST /api/v1/auth/tokens': { path: '/api/v1/auth/tokens', body: { name: 'hostile', days: 1 }, watch: ['/api/v1/auth/tokens'] },
        'DELETE /api/v1/auth/tokens/{id}': { path: `/api/v1/auth/tokens/${tokenId}`, watch: [user] },
        'POST /api/v1/users': {
          path: '/api/v1/users',
          body: { email: 'props-new@example.org', displayName: 'New', lang: 'fr', password: 'a long enough password', roles: ['viewer'] },
          watch: ['/api/v1/users'],
        },
        'PATCH /api/v1/users/{id}': { path: user, body: { lang: 'fr', displayName: 'Renamed', roles: ['viewer'], status: 'active' }, versioned: true, watch: [user] },
        'POST /api/v1/users/{id}/password': { path: `${user}/password`, body: { newPassword: 'reset by the administrator' }, watch: [user] },
        'POST /api/v1/users/{id}/erase': { path: `${user}/erase`, watch: [user] },
        'POST /api/v1/requests': { path: '/api/v1/requests', body: { ...KENYA_REQUEST }, watch: ['/api/v1/requests?limit=1000'] },
        'PATCH /api/v1/requests/{id}': { path: `/api/v1/requests/${request}`, body: { subject: 'Corrected', source: REQUEST_SOURCE }, versioned: true, watch: [`/api/v1/requests/${request}`] },
        'POST /api/v1/requests/{id}/steps': { path: `/api/v1/requests/${request}/steps`, body: { ...FIRST_STEP }, versioned: true, watch: [`/api/v1/requests/${request}`] },
        'DELETE /api/v1/requests/{id}': { path: `/api/v1/requests/${request}`, versioned: true, watch: [`/api/v1/requests/${request}`] },
        'POST /api/v1/obstacles': { path: '/api/v1/obstacles', body: structuredClone(KENYA_OBSTACLE), watch: ['/api/v1/obstacles?limit=1000'] },
        'PATCH /api/v1/obstacles/{id}': {
          path: `/api/v1/obstacles/${obstacle}`,
          body: { description: 'Corrected', source: OBSTACLE_SOURCE },
          versioned: true,
          watch: [`/api/v1/obstacles/${obstacle}`],
        },
        'DELETE /api/v1/obstacles/{id}': { path: `/api/v1/obstacles/${obstacle}`, versioned: true, watch: [`/api/v1/obstacles/${obstacle}`] },
        'POST /api/v1/obstacles/{id}/strategies': { path: `/api/v1/obstacles/${obstacle}/strategies`, body: { ...KENYA_STRATEGY }, watch: [`/api/v1/obstacles/${obstacle}`] },
        'PATCH /api/v1/obstacles/{id}/strategies/{strategyId}': {
          path: `/api/v1/obstacles/${obstacle}/strategies/${strategy}`,
          body: { status: 'ongoing', source: OBSTACLE_SOURCE },
          versioned: true,
          watch: [`/api/v1/obstacles/${obstacle}`],
        },
        'DELETE /api/v1/obstacles/{id}/strategies/{strategyId}': { path: `/api/v1/obstacles/${obstacle}/strategies/${strategy}`, versioned: true, watch: [`/api/v1/obstacles/${obstacle}`] },
      };
    };

    const followUpBases = (): Record<string, Base> => {
      const watch = [`/api/v1/recommendations/${recommendation}/follow-up`, '/api/v1/recommendations?state=KEN&facets=true'];
      const parts = Object.fromEntries(
        (Object.keys(FOLLOW_UP_BODIES) as (keyof typeof FOLLOW_UP_BODIES)[]).map((part) => [
          `POST /api/v1/recommendations/{id}/follow-up/${part}`,
          { path: `/api/v1/recommendations/${recommendation}/follow-up/${part}`, body: { ...FOLLOW_UP_BODIES[part] }, watch },
        ]),
      );
      return {
        ...parts,
        // A live status: no hostile request may withdraw it.
        'POST /api/v1/recommendations/{id}/follow-up/{part}/{entryId}/withdrawal': { path: withdrawable, body: { ...WITHDRAWAL }, watch },
        'POST /api/v1/follow-up/assignments': { path: '/api/v1/follow-up/assignments', body: kenyaAssignment(9), watch },
      };
    };

    const resolve = (schema: Schema | undefined): Schema | undefined => (schema?.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!]) : schema);
    const typesOf = (schema: Schema | undefined): string[] => {
      const s = resolve(schema);
      if (!s) return [];
      if (s.anyOf) return s.anyOf.flatMap(typesOf);
      return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    };

    /** A value the field must refuse: of another type, or a string no field takes, or a date that does not exist. */
    function wrongValue(field: string, schema: Schema | undefined): fc.Arbitrary<unknown> {
      const types = typesOf(schema);
      const options: fc.Arbitrary<unknown>[] = [];
      if (!types.includes('null')) options.push(fc.constant(null));
      if (types.includes('string'))
        options.push(
          invalidString,
          notAString.filter((v) => !(typeof v === 'boolean' && types.includes('boolean'))),
        );
      if (resolve(schema)?.enum) options.push(hostileText.filter((v) => !(resolve(schema)?.enum ?? []).includes(v)));
      if (DATE_FIELDS.has(field)) options.push(fc.constantFrom(...BAD_DATES));
      if (types.includes('integer') || types.includes('number')) options.push(fc.integer({ min: 1, max: 365 }).map(String), fc.constant(1.5), fc.constant(-1));
      if (types.includes('boolean')) options.push(fc.constantFrom('true', 'false', 1, 0, 'yes'));
      if (types.includes('array')) options.push(hostileText, fc.dictionary(fc.string({ maxLength: 5 }), fc.integer()), fc.array(fc.oneof(fc.integer(), invalidString), { minLength: 1, maxLength: 3 }));
      if (types.includes('object'))
        options.push(
          fc.integer(),
          hostileText.filter((v) => types.includes('string') === false || v.includes('\u0000')),
          fc.array(fc.string(), { maxLength: 2 }),
        );
      return fc.oneof(...options);
    }

    /** One hostile request built from a valid one. */
    function hostile(operation: string, base: Base): fc.Arbitrary<{ what: string; path: string; body?: string; headers: Record<string, string> }> {
      const [method, template] = operation.split(' ') as [string, string];
      const op = doc.paths[template][method.toLowerCase()];
      const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
      const props = schema?.properties ?? {};
      const json = { 'Content-Type': 'application/json' };
      const ifMatch: Record<string, string> = base.versioned ? { 'If-Match': STALE } : {};
      const text = base.body ? JSON.stringify(base.body) : undefined;
      const cases: fc.Arbitrary<{ what: string; path: string; body?: string; headers: Record<string, string> }>[] = [];
      const fields = Object.keys(base.body ?? {}).filter((f) => props[f]);
      if (base.body && fields.length) {
        cases.push(
          fc
            .constantFrom(...fields)
            .chain((field) => wrongValue(field, props[field]).map((value) => ({ field, value })))
            .map(({ field, value }) => ({
              what: `${field} = ${JSON.stringify(value)?.slice(0, 80)}`,
              path: base.path,
              body: JSON.stringify({ ...base.body, [field]: value }),
              headers: { ...json, ...ifMatch },
            })),
        );
      }
      if (base.body && schema?.required?.length) {
        cases.push(
          fc.constantFrom(...schema.required).map((field) => {
            const { [field]: _gone, ...rest } = base.body!;
            return { what: `without ${field}`, path: base.path, body: JSON.stringify(rest), headers: { ...json, ...ifMatch } };
          }),
        );
      }
      if (text) {
        // Extra fields, prototype keys among them, written into the JSON text itself.
        const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'row_version', 'origin'), hostileText).filter((k) => !(k in props));
        cases.push(
          fc
            .tuple(key, fc.oneof(fc.jsonValue(), hostileText))
            .map(([k, v]) => ({ what: `extra ${JSON.stringify(k)}`, path: base.path, body: `${text.slice(0, -1)},${JSON.stringify(k)}:${JSON.stringify(v)}}`, headers: { ...json, ...ifMatch } })),
          fc
            .oneof(
              fc.jsonValue().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
              deep,
            )
            .map((v) => ({ what: 'not an object', path: base.path, body: JSON.stringify(v), headers: { ...json, ...ifMatch } })),
          fc.integer({ min: 1, max: text.length - 1 }).map((n) => ({ what: 'malformed JSON', path: base.path, body: text.slice(0, n), headers: { ...json, ...ifMatch } })),
          fc.constantFrom('{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":"\\u00"}', '[', '').map((body) => ({ what: `malformed ${body}`, path: base.path, body, headers: { ...json, ...ifMatch } })),
        );
      }
      // Another content type, with the body as it was (a DELETE takes no body: its type is not read).
      if (method !== 'DELETE' || base.versioned)
        cases.push(
          fc
            .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonp', 'text/json')
            .map((type) => ({ what: `Content-Type ${type}`, path: base.path, body: text ?? '{}', headers: { 'Content-Type': type, ...ifMatch } })),
        );
      if (base.versioned) {
        const badIfMatch = fc.oneof(
          fc.constantFrom('*', '', 'v1', '"1"', 'W/"v0"', '"v0"', '"v-1"', '"v1.5"', '"v999999999999999"', '"v1", "v2"'),
          hostileText.map((s) => s.replace(/[^\t\x20-\x7E\x80-\xFF]/g, '')),
        );
        cases.push(badIfMatch.map((v) => ({ what: `If-Match ${JSON.stringify(v)}`, path: base.path, body: text, headers: { ...json, 'If-Match': v } })));
      }
      if (template.includes('{')) {
        // Each path parameter in turn replaced by a hostile value (never a record's id).
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const segments = base.path.split('?')[0]!.split('/');
        const templateSegments = template.split('/');
        cases.push(
          fc
            .tuple(
              fc.constantFrom(...names),
              fc.oneof(
                hostileText,
                fc.integer({ min: 101, max: 3000 }).map((n) => 'A'.repeat(n)),
                fc.constantFrom('0', '-1', '1e3', '9999999999', ' 1'),
              ),
            )
            .filter(([, v]) => v.trim() !== '' && !v.includes('/') && v !== '.' && v !== '..')
            .map(([name, value]) => {
              const path = segments.map((s, i) => (templateSegments[i] === `{${name}}` ? encodeURIComponent(value) : s)).join('/');
              return { what: `${name} = ${JSON.stringify(value).slice(0, 60)}`, path, body: text, headers: { ...json, ...ifMatch } };
            }),
        );
      }
      // A write with nothing else to make hostile (no body, path parameter or version): a forged CSRF token.
      if (cases.length === 0)
        cases.push(hostileText.map((v) => ({ what: `X-CSRF-Token ${JSON.stringify(v).slice(0, 40)}`, path: base.path, headers: { ...json, 'X-CSRF-Token': v.replace(/[^\t\x20-\x7E]/g, '') } })));
      return fc.oneof(...cases);
    }

    const auditCount = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('audit_record')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const read = async (paths: string[]) => Promise.all(paths.map(async (p) => (await ask(t, 'GET', p, as.headers.admin)).text));

    test('every write route of the document has a valid request to start from', async () => {
      const writes = Object.entries<any>(doc.paths)
        .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
        .filter((op) => !op.startsWith('GET '));
      assert.deepEqual(Object.keys(bases()).sort(), writes.sort());
    });

    test('a NUL in a field of a JSON body is refused up front, naming the field (PostgreSQL text cannot hold it)', async () => {
      const count = await auditCount();
      const cases: [string, Record<string, unknown>, string][] = [
        ['/api/v1/auth/login', { email: 'props-subject@example.org\u0000', password: PASSWORD }, 'email'],
        ['/api/v1/organizations/au/membership-events', { ...KENYA_JOINS_AU, note: 'OAU\u0000' }, 'note'],
        ['/api/v1/instruments', { ...AU_INSTRUMENTS[0], title: { en: 'African Charter\u0000' } }, 'title.en'],
        ['/api/v1/users', { email: 'a@example.org', displayName: 'A', lang: 'en', password: 'a long enough password', roles: ['viewer', 'state-editor:KEN\u0000'] }, 'roles[1]'],
      ];
      for (const [path, body, field] of cases) {
        const answer = await ask(t, 'POST', path, as.headers.admin, body);
        assert.equal(answer.status, 400, `${path}: ${answer.text}`);
        assert.deepEqual(answer.body.error.details, [{ field, reason: 'contains a NUL character' }]);
      }
      assert.equal(await auditCount(), count);
      assert.deepEqual(errors, []);
    });

    test('hostile requests: a 4xx in the error shape, naming the field or parameter, and nothing written', async () => {
      for (const [operation, base] of Object.entries(bases())) {
        const [method] = operation.split(' ') as [string];
        const records = await read(base.watch);
        const count = await auditCount();
        await fc.assert(
          fc.asyncProperty(hostile(operation, base), async (request) => {
            // The admin's cookie and CSRF token, with the case's own content type and If-Match.
            const { 'Content-Type': _json, ...auth } = as.headers.admin;
            const answer: Answer = await ask(t, method, request.path, { ...auth, ...request.headers }, request.body);
            const where = `${operation} ${request.what} → ${answer.status} ${answer.text.slice(0, 200)}`;
            assert.ok(answer.status >= 400 && answer.status < 500, where);
            const error = answer.body?.error;
            assert.ok(error && typeof error.code === 'string' && typeof error.message === 'string' && Array.isArray(error.details), `error shape: ${where}`);
            if (error.code === 'validation_failed') {
              assert.ok(error.details.length > 0 && error.details.every((d: { field?: string; parameter?: string }) => d.field || d.parameter), `details name the field or parameter: ${where}`);
            }
            assert.equal(await auditCount(), count, `nothing recorded: ${where}`);
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
        assert.deepEqual(await read(base.watch), records, `${operation}: the records are as they were`);
      }
      assert.deepEqual(errors, [], 'no server errors');
    });
  });
}
