import { useEffect } from 'react';
import { useLatest } from '../../client/use-latest.ts';

/** A boarding pass barcode is at least this long; anything a person types by hand is slower. */
export const SCAN_MIN_LENGTH = 20;
/** Scanners type a character every few milliseconds; people take well over 100 ms. */
export const SCAN_MAX_AVERAGE_GAP_MS = 60;
/** A pause this long starts a new burst. */
const BURST_BREAK_MS = 400;

/**
 * Gate scanners act as keyboards: they type the barcode text in a fast burst
 * ending with Enter. Calls `onScan` with the text of such a burst, wherever the
 * focus is, and stops that Enter from submitting a form.
 */
export function useBarcodeScanner(onScan: (text: string) => void, enabled = true): void {
  const handler = useLatest(onScan);

  useEffect(() => {
    if (!enabled) return;
    let chars: string[] = [];
    let first = 0;
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      // Only characters and Enter make a burst: keypad arrows pressed just before a scan must
      // not stretch it into something slower than a scanner.
      if (e.key !== 'Enter' && e.key.length !== 1) return;
      const now = performance.now();
      if (now - last > BURST_BREAK_MS || !chars.length) {
        chars = [];
        first = now;
      }
      last = now;
      if (e.key === 'Enter') {
        const fast = chars.length >= SCAN_MIN_LENGTH && (now - first) / chars.length <= SCAN_MAX_AVERAGE_GAP_MS;
        const text = chars.join('');
        chars = [];
        if (fast) {
          e.preventDefault();
          e.stopPropagation();
          handler.current(text);
        }
        return;
      }
      chars.push(e.key);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled, handler]);
}
