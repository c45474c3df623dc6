import { useEffect, useRef } from 'react';
import { useKioskTranslation } from '../use-kiosk-translation.ts';
import { ticketAnnouncements, type TicketSpeechFacts } from '../../../core/plain.ts';
import { say, useSpeech, type Words } from './speaker.ts';
import { ticketWords } from './ticket-words.ts';

/**
 * Says a ticket when it appears (number spelled out, status, vouchers) and then each update as it
 * arrives: a member of staff on the way, delivered, a voucher issued or declined. Said again in
 * full when speech is switched on or the language changes.
 */
export function useTicketSpeech(facts: TicketSpeechFacts | null, timeZone: string, afterFirst?: Words): void {
  const { language } = useKioskTranslation();
  const { on } = useSpeech();
  const said = useRef<TicketSpeechFacts | null>(null);
  const context = `${on}-${language}`;
  const saidIn = useRef(context);
  useEffect(() => {
    if (saidIn.current !== context) {
      saidIn.current = context;
      said.current = null;
    }
    if (!facts || !on) return;
    const first = said.current === null;
    for (const a of ticketAnnouncements(said.current, facts)) say((t, language) => ticketWords(a, t, language, timeZone));
    if (first && afterFirst) say(afterFirst);
    said.current = facts;
  });
}
