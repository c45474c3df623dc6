import { useEffect, type RefObject } from 'react';
import { useKioskTranslation } from '../use-kiosk-translation.ts';
import { sayText, useSpeech } from './speaker.ts';

/**
 * Reads a part of the screen aloud as it is shown (the passenger's entitlements under the ticket)
 * when it appears, when speech starts, in another language, and when `content` says it changed.
 */
export function useReadAloud(ref: RefObject<HTMLElement | null>, content: string): void {
  const { on } = useSpeech();
  const { language } = useKioskTranslation();
  useEffect(() => {
    const text = ref.current?.innerText.replace(/\s+/g, ' ').trim();
    if (on && text) sayText(text);
  }, [ref, on, language, content]);
}
