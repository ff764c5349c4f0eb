// Who may edit what (the policies of organizations, instruments, mechanisms and treaty actions):
// administrators and OHCHR editors everything; an organization's editor its organization, its
// membership events, instruments and mechanisms, and the acts under its instruments; a State's
// editor its State's acts and membership events; viewers and the public nothing; system actors
// (the CLI) everything. And what the API tells the web app a principal may do to a record.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SYSTEM_EDITOR } from '../../src/modules/access/edit-rights.ts';
import { ANONYMOUS, type Grant, type SignedInUser } from '../../src/modules/access/principal.ts';
import { editorOf, systemContext, userContext } from '../../src/modules/audit/context.ts';
import { instrumentPermissions, mayCreateInstrument, mayUpdateInstrument } from '../../src/modules/instruments/policy.ts';
import { mayCreateMechanism, mayUpdateMechanism, mechanismPermissions } from '../../src/modules/mechanisms/policy.ts';
import { mayCreateOrganization, mayEditMembershipEvent, mayUpdateOrganization, membershipEventPermissions, organizationPermissions } from '../../src/modules/organizations/policy.ts';
import { mayEnterTreatyAction, treatyActionPermissions } from '../../src/modules/treaty-status/policy.ts';

const user = (...grants: Grant[]): SignedInUser => ({ kind: 'user', userId: 'u', email: 'u@example.org', displayName: 'U', lang: 'en', grants, via: 'token' });

const admin = user({ role: 'admin', scope: null });
const ohchr = user({ role: 'ohchr-editor', scope: null });
const auEditor = user({ role: 'organization-editor', scope: 'organization:au' });
const kenEditor = user({ role: 'state-editor', scope: 'state:KEN' });
const viewer = user({ role: 'viewer', scope: null });
/** A viewer scoped like an editor still may not edit: the role decides, not the scope. */
const auViewer = user({ role: 'viewer', scope: 'organization:au' });

const au = { id: 'au' };
const coe = { id: 'coe' };
const achpr = { organizationId: 'au' };
const echr = { organizationId: 'coe' };
const iccpr = { organizationId: null };

describe('edit policies', () => {
  test('administrators, OHCHR editors and system actors edit everything', () => {
    for (const editor of [admin, ohchr, SYSTEM_EDITOR]) {
      assert.ok(mayCreateOrganization(editor) && mayUpdateOrganization(editor, au) && mayUpdateOrganization(editor, coe));
      assert.ok(mayCreateInstrument(editor, iccpr) && mayUpdateInstrument(editor, echr) && mayCreateMechanism(editor, iccpr) && mayUpdateMechanism(editor, achpr));
      assert.ok(mayEditMembershipEvent(editor, { organizationId: 'coe', iso3: 'FRA' }));
      assert.ok(mayEnterTreatyAction(editor, { instrumentOrganizationId: null, participantKind: 'state', participantId: 'FRA' }));
    }
  });

  test("an organization's editor: its organization, its members' events, its instruments and mechanisms, the acts under its instruments", () => {
    assert.ok(mayUpdateOrganization(auEditor, au));
    assert.ok(!mayUpdateOrganization(auEditor, coe));
    assert.ok(!mayCreateOrganization(auEditor), 'a new organization is for OHCHR');
    assert.ok(mayEditMembershipEvent(auEditor, { organizationId: 'au', iso3: 'KEN' }));
    assert.ok(!mayEditMembershipEvent(auEditor, { organizationId: 'eac', iso3: 'KEN' }));
    assert.ok(mayCreateInstrument(auEditor, achpr) && mayUpdateInstrument(auEditor, achpr));
    assert.ok(!mayCreateInstrument(auEditor, iccpr) && !mayUpdateInstrument(auEditor, echr));
    assert.ok(mayCreateMechanism(auEditor, achpr) && mayUpdateMechanism(auEditor, achpr) && !mayUpdateMechanism(auEditor, echr));
    assert.ok(mayEnterTreatyAction(auEditor, { instrumentOrganizationId: 'au', participantKind: 'state', participantId: 'FRA' }));
    assert.ok(!mayEnterTreatyAction(auEditor, { instrumentOrganizationId: null, participantKind: 'state', participantId: 'KEN' }));
  });

  test("a State's editor: its State's treaty acts and membership events, nothing else", () => {
    assert.ok(mayEnterTreatyAction(kenEditor, { instrumentOrganizationId: null, participantKind: 'state', participantId: 'KEN' }));
    assert.ok(mayEnterTreatyAction(kenEditor, { instrumentOrganizationId: 'au', participantKind: 'state', participantId: 'KEN' }));
    assert.ok(!mayEnterTreatyAction(kenEditor, { instrumentOrganizationId: null, participantKind: 'state', participantId: 'UGA' }));
    assert.ok(mayEditMembershipEvent(kenEditor, { organizationId: 'eac', iso3: 'KEN' }));
    assert.ok(!mayEditMembershipEvent(kenEditor, { organizationId: 'eac', iso3: 'UGA' }));
    assert.ok(!mayUpdateOrganization(kenEditor, au) && !mayUpdateInstrument(kenEditor, achpr) && !mayCreateInstrument(kenEditor, iccpr));
  });

  test('viewers and the anonymous public edit nothing', () => {
    for (const editor of [viewer, auViewer, ANONYMOUS]) {
      assert.ok(!mayCreateOrganization(editor) && !mayUpdateOrganization(editor, au));
      assert.ok(!mayCreateInstrument(editor, achpr) && !mayUpdateMechanism(editor, achpr));
      assert.ok(!mayEditMembershipEvent(editor, { organizationId: 'au', iso3: 'KEN' }));
      assert.ok(!mayEnterTreatyAction(editor, { instrumentOrganizationId: 'au', participantKind: 'state', participantId: 'KEN' }));
    }
  });

  test('what the web app is told per record: shipped records are corrected, never deleted; entered acts and events may be deleted', () => {
    assert.deepEqual(organizationPermissions(auEditor, au), { update: true, delete: false });
    assert.deepEqual(organizationPermissions(viewer, au), { update: false, delete: false });
    assert.deepEqual(instrumentPermissions(auEditor, achpr), { update: true, delete: false });
    assert.deepEqual(mechanismPermissions(ohchr, echr), { update: true, delete: false });
    assert.deepEqual(membershipEventPermissions(kenEditor, { organizationId: 'eac', iso3: 'KEN', origin: 'reference' }), { update: true, delete: false });
    assert.deepEqual(membershipEventPermissions(kenEditor, { organizationId: 'eac', iso3: 'KEN', origin: 'user' }), { update: true, delete: true });
    const act = { instrumentOrganizationId: 'au', participantKind: 'state', participantId: 'KEN' };
    assert.deepEqual(treatyActionPermissions(kenEditor, { ...act, datasetId: 'edit:ACHPR' }), { update: true, delete: true });
    assert.deepEqual(treatyActionPermissions(ohchr, { ...act, datasetId: 'reference:ACHPR' }), { update: false, delete: false }, 'an imported act is answered by entering one, not changed');
  });

  test('the write context says who the policies judge: the user, a system actor, or else the public', () => {
    assert.equal(editorOf(systemContext('cli')), SYSTEM_EDITOR);
    assert.equal(editorOf(userContext(auEditor, 'req')), auEditor);
    assert.equal(editorOf(userContext(auEditor, 'req')).kind, 'user');
    assert.equal(userContext(auEditor, 'req').actor, 'user:u');
    assert.equal(editorOf({ actor: 'user:u', osUser: null, requestId: 'r', reason: null }), ANONYMOUS);
  });
});
