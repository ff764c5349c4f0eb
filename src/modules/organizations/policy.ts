// Who may create and correct organizations and their membership events (docs/SECURITY.md):
// administrators and OHCHR editors everything; an organization's editor the organization and
// its membership events; a State's editor the membership events of its State. The use cases
// ask these inside their transaction, with the record as stored; the API asks
// `…Permissions` to tell the web app which buttons to show.
import { editsEverything, editsFor, NO_PERMISSIONS, type Editor, type Permissions } from '../access/edit-rights.ts';

/** A new organization is a decision for OHCHR: no organization editor's scope covers it yet. */
export function mayCreateOrganization(editor: Editor): boolean {
  return editsEverything(editor);
}

export function mayUpdateOrganization(editor: Editor, organization: { id: string }): boolean {
  return editsFor(editor, [`organization:${organization.id}`]);
}

/** Organizations are corrected, never deleted (memberships, instruments and mechanisms name them). */
export function organizationPermissions(editor: Editor, organization: { id: string }): Permissions {
  return { ...NO_PERMISSIONS, update: mayUpdateOrganization(editor, organization) };
}

export function mayEditMembershipEvent(editor: Editor, event: { organizationId: string; iso3: string }): boolean {
  return editsFor(editor, [`organization:${event.organizationId}`, `state:${event.iso3}`]);
}

/** Only an event a user entered may be deleted; a shipped one is corrected instead, so its source stays on record. */
export function membershipEventPermissions(editor: Editor, event: { organizationId: string; iso3: string; origin: string }): Permissions {
  const may = mayEditMembershipEvent(editor, event);
  return { update: may, delete: may && event.origin === 'user' };
}
