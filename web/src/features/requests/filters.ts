// The filters of the list of requests as the address keeps them (?state=KEN&status=accepted&
// overdue=true&receivedFrom=2024), and as the API takes them: the same names, so a shared link
// and the API call say the same thing.
import { isValidPartialDate } from '../../../../src/shared/dates.ts';
import { REQUEST_STATUSES } from '../../../../src/shared/vocabularies.ts';

export interface RequestFilters {
  state: string;
  status: string;
  overdue: string;
  receivedFrom: string;
  receivedTo: string;
}

export const FILTER_NAMES = ['state', 'status', 'overdue', 'receivedFrom', 'receivedTo'] as const;

/** The filters of the address, each dropped when the API would refuse it (a hand-edited link). */
export function filtersOf(params: URLSearchParams): RequestFilters {
  const state = params.get('state') ?? '';
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') ?? '';
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isValidPartialDate(value) ? value : '';
  };
  return {
    state: /^[A-Z]{3}$/.test(state) ? state : '',
    status: (REQUEST_STATUSES as readonly string[]).includes(status) ? status : '',
    overdue: overdue === 'true' || overdue === 'false' ? overdue : '',
    receivedFrom: day('receivedFrom'),
    receivedTo: day('receivedTo'),
  };
}

export const anyFilter = (f: RequestFilters) => FILTER_NAMES.some((name) => f[name] !== '');
