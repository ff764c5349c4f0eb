// The organizations and States an audience may name, from the lists the reader's view holds, and
// each scope as the page names it (`organization:au` → "African Union (AU)", `state:KEN` →
// "Kenya"); a scope the lists lack keeps its code.
import { useOrganizations, useStates } from '../../api/registry.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { today } from '../../../../src/shared/dates.ts';

export function useScopes() {
  const { lang } = useI18n();
  const organizations = useOrganizations(lang, today()).data ?? [];
  const states = useStates(lang).data ?? [];
  const names = new Map<string, string>([
    ...organizations.map((o) => [`organization:${o.id}`, o.acronym ? `${o.name} (${o.acronym})` : o.name] as [string, string]),
    ...states.map((s) => [`state:${s.iso3}`, s.name] as [string, string]),
  ]);
  return { organizations, states, nameOf: (scope: string) => names.get(scope) ?? scope };
}
