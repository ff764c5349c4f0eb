// What the exchange pages share: a party as the reader sees it (a UN body's kind and name, a
// regional organization or mechanism linked to its page), and an exchange's dates.
import { Link } from 'react-router';
import type { ExchangeItem } from '../../api/types.ts';
import { FactDate } from '../../components/FactDate.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Party = ExchangeItem['parties'][number];

export function PartyName({ party }: { party: Party }) {
  const { t, href } = useI18n();
  if (party.side === 'un') {
    const body = party.unBody ? t(`exchanges.unBody.${party.unBody}`) : '';
    return (
      <span>
        {body}
        {party.name ? (
          <>
            {body ? ': ' : ''}
            <span lang="en" dir="ltr">
              {party.name}
            </span>
          </>
        ) : null}
      </span>
    );
  }
  const to = party.organizationId ? `/organizations/${party.organizationId}` : `/mechanisms/${party.mechanism ?? ''}`;
  return <Link to={href(to)}>{party.name ?? party.organizationId ?? party.mechanism}</Link>;
}

export function PartyList({ parties, side }: { parties: Party[]; side: 'un' | 'regional' }) {
  const shown = parties.filter((p) => p.side === side);
  return (
    <ul className="inline-list">
      {shown.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parties are shown in their stored order
        <li key={i}>
          <PartyName party={p} />
        </li>
      ))}
    </ul>
  );
}

export function Span({ start, end }: { start: string; end: string | null }) {
  if (!end || end === start) return <FactDate value={start} />;
  return (
    <>
      <FactDate value={start} /> – <FactDate value={end} />
    </>
  );
}
