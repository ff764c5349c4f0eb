// Who may see a record, on its page: "Internal", or "Restricted to: African Union (AU) and
// Kenya". Only readers who may see the record get it from the API (signed in, and for a
// restricted one in its audience or OHCHR), so an editor knows the level before correcting it;
// a public record needs no badge.
import type { ConfidentialityLevel } from '../../../../src/shared/vocabularies.ts';
import { isolate } from '../../components/bidi.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScopes } from './scopes.ts';

interface Access {
  confidentiality: ConfidentialityLevel;
  audience: string[];
}

export function AccessLevel({ record }: { record: Access }) {
  const { t } = useI18n();
  return record.confidentiality === 'restricted' ? <RestrictedTo audience={record.audience} /> : t(`edit.access.${record.confidentiality}`);
}

/** Asks for the lists of organizations and States only when there is an audience to name. */
function RestrictedTo({ audience }: { audience: string[] }) {
  const { t, list } = useI18n();
  const { nameOf } = useScopes();
  return t('edit.access.restrictedTo', { audience: list(audience.map((scope) => isolate(nameOf(scope)))) });
}

/** The level beside the record's edit tools; nothing for a public record. */
export function AccessBadge({ record }: { record: Access }) {
  if (record.confidentiality === 'public') return null;
  return (
    <span className="badge access">
      <AccessLevel record={record} />
    </span>
  );
}
