// Why a mechanism is in its class on the map of regional coverage, said only from fields the
// registry holds (kind, individual complaints, the coverage rule and the declaration it needs):
// nothing here adds a fact. Pages turn the reasons into sentences of the dictionaries.
import type { Mechanism } from '../../api/types.ts';
import { classOfMechanism, type KindClass } from '../home/coverage-model.ts';

export type MechanismFacts = Pick<Mechanism, 'kind' | 'system' | 'individualComplaints' | 'coverage'>;

/** A sentence of the dictionaries (`mechanism.why.<key>`) and the values it names. */
export interface Reason {
  key: 'court' | 'complaints' | 'courtWithout' | 'noComplaints' | 'membership' | 'party' | 'jurisdiction' | 'complaintsDeclaration' | 'unMembership';
  /** Codes (organization, instruments) and the declaration as the reference data name it (English). */
  organization?: string;
  instruments?: string[];
  acceptance?: string;
}

export interface ClassExplanation {
  /** The map's class; null for a UN mechanism, which the map of regional coverage does not count. */
  mapClass: Exclude<KindClass, 'none'> | null;
  reasons: Reason[];
}

function complaintsReason(m: MechanismFacts): Reason {
  if (m.individualComplaints) return { key: m.kind === 'court' ? 'court' : 'complaints' };
  return { key: m.kind === 'court' ? 'courtWithout' : 'noComplaints' };
}

function coverageReason(m: MechanismFacts): Reason {
  const { basis, organization, instruments, acceptanceNeededFor, acceptance } = m.coverage;
  if (basis === 'membership') return { key: 'membership', organization: (organization ?? '').toUpperCase() };
  if (basis === 'un-membership') return { key: 'unMembership' };
  // Without its wording (a database seeded before it was kept), the declaration is named by its instrument.
  const declaration = acceptance ?? instruments.join(', ');
  if (acceptanceNeededFor === 'jurisdiction') return { key: 'jurisdiction', instruments, acceptance: declaration };
  if (acceptanceNeededFor === 'individual-complaints') return { key: 'complaintsDeclaration', instruments, acceptance: declaration };
  return { key: 'party', instruments };
}

export function explainClass(m: MechanismFacts): ClassExplanation {
  if (m.system !== 'regional') return { mapClass: null, reasons: [coverageReason(m)] };
  return { mapClass: classOfMechanism(m), reasons: [complaintsReason(m), coverageReason(m)] };
}
