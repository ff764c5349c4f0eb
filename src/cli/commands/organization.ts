// `accord organization update <id>`: the use case organizations.update, as the system actor cli.
// The operator at the command line edits the record as it is now: without --if-version the
// command names the version it has just read (an HTTP client must name the one it showed).
import { today } from '../../shared/dates.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { organizationView } from '../../modules/organizations/service.ts';
import { updateOrganization } from '../../modules/organizations/write.ts';
import type { OrganizationUpdateOptions } from '../usage/organization.ts';
import { withRegistry } from '../with-db.ts';

export function runOrganizationUpdate(id: string, options: OrganizationUpdateOptions): Promise<void> {
  return withRegistry(async (db) => {
    const expectedVersion = options.ifVersion ?? (await organizationView(db.db, id, 'en', today())).version;
    const update = { id, expectedVersion, source: options.source, website: options.website, founded: options.founded, hqCity: options.hqCity, hqIso3: options.hqCountry };
    const { changed, version } = await updateOrganization(db.db, update, systemContext('cli', options.reason ?? null));
    console.log(changed.length ? `${id}: ${changed.join(', ')} corrected, now version ${version} (see accord audit --entity organization:${id})` : `${id}: nothing to change`);
  });
}
