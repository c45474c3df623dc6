import { useTranslation } from 'react-i18next';
import type { Party } from '../../core/index.ts';

/** How many people the request is for, so the passenger can check staff will bring enough. */
export function PartySize({ party }: { party: Party }) {
  const { t } = useTranslation();
  const count = party.adults + party.children + party.infants;
  return (
    <p className="party" data-testid="party-size">
      {t('ticket.party', { count })}
    </p>
  );
}
