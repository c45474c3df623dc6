import type { Hotel, HubState, OpBody } from '../../../../core/index.ts';

/** What each form on a hotel gets: the state it reads, the hotel, and how to send its one operation (`what` names it in the status line) and close. */
export interface HotelFormProps {
  state: HubState;
  hotel: Hotel;
  onSend: (body: OpBody, what: string) => void;
  onDone: () => void;
}
