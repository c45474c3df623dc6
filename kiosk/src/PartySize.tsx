import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { Party } from '../../core/plain.ts';

/** How many people the request is for, so the passenger can check staff will bring enough. */
export function PartySize({ party }: { party: Party }) {
  const { t } = useKioskTranslation();
  const count = party.adults + party.children + party.infants;
  return (
    <p className="party" data-testid="party-size">
      {t('ticket.party', { count })}
    </p>
  );
}
