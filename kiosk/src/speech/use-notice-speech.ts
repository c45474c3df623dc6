import { useEffect, useRef } from 'react';
import { useKioskTranslation } from '../use-kiosk-translation.ts';
import { isLanguage, noticeText, type HubState, type Notice } from '../../../core/plain.ts';
import { say, useSpeech } from './speaker.ts';

/** Says each of the duty manager's notices for this gate: those on screen when speech starts, then each new one as it arrives. */
export function useNoticeSpeech(state: HubState, notices: readonly Notice[]): void {
  const { language } = useKioskTranslation();
  const { on } = useSpeech();
  const said = useRef(new Map<string, string>());
  const context = `${on}-${language}`;
  const saidIn = useRef(context);
  useEffect(() => {
    if (saidIn.current !== context) {
      saidIn.current = context;
      said.current.clear();
    }
    if (!on) return;
    for (const n of notices) {
      // A notice edited after it was said is said again.
      const version = JSON.stringify(n.texts);
      if (said.current.get(n.id) === version) continue;
      said.current.set(n.id, version);
      const flight = n.scope.kind === 'flight' ? state.flights[n.scope.flightId]?.number : undefined;
      say((t, language) => {
        const { text } = noticeText(n, isLanguage(language) ? language : 'en');
        const title = flight ? t('notice.title', { flight }) : t('notice.titleGate');
        const unknown = text.unknown ? ` ${t('notice.unknown')}: ${text.unknown}` : '';
        return `${title}. ${t('notice.known')}: ${text.known}.${unknown}`;
      });
    }
  });
}
