// `accord organization update <id>`: the use case organizations.update, as the system actor cli.
import { systemContext } from '../../modules/audit/context.ts';
import { updateOrganization } from '../../modules/organizations/write.ts';
import type { OrganizationUpdateOptions } from '../usage/organization.ts';
import { withRegistry } from '../with-db.ts';

export function runOrganizationUpdate(id: string, options: OrganizationUpdateOptions): Promise<void> {
  return withRegistry(async (db) => {
    const update = { id, sourceId: options.source, website: options.website, founded: options.founded, hqCity: options.hqCity, hqIso3: options.hqCountry };
    const { changed } = await updateOrganization(db.db, update, systemContext('cli', options.reason ?? null));
    console.log(changed.length ? `${id}: ${changed.join(', ')} corrected (see accord audit --entity organization:${id})` : `${id}: nothing to change`);
  });
}
