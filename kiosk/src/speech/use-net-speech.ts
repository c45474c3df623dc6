import { useEffect, useRef } from 'react';
import { say } from './speaker.ts';

/** Says when a request saved on the kiosk has reached the staff (and when it waits for the network). */
export function useNetSpeech(pending: boolean | null): void {
  const before = useRef(pending);
  useEffect(() => {
    if (pending !== null && before.current !== null && pending !== before.current) say((t) => t(pending ? 'net.saved' : 'net.sent'));
    before.current = pending;
  }, [pending]);
}
