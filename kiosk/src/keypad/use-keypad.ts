import { useEffect } from 'react';
import { useLatest } from '../../../client/use-latest.ts';
import { actionFor, type KeyMap, type KeypadAction } from './keymap.ts';

const FOCUSABLE = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])';

/** What the arrows move through: enabled, shown, not behind the idle warning; only the open dialog while one is. */
function focusables(): HTMLElement[] {
  const dialog = document.querySelector<HTMLElement>('[aria-modal="true"]');
  const root: ParentNode = dialog ?? document;
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.matches(':disabled') && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

function move(step: 1 | -1): void {
  const all = focusables();
  if (!all.length) return;
  const at = all.indexOf(document.activeElement as HTMLElement);
  const next = at < 0 ? (step === 1 ? all[0] : all[all.length - 1]) : all[(at + step + all.length) % all.length];
  next!.focus();
  next!.scrollIntoView({ block: 'nearest' });
}

const isTextField = (el: Element | null) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type));

/**
 * Keypad-only use: up and down (and left and right, mirrored in a right-to-left language) move
 * through the controls in the order they are on screen, Enter chooses, Back goes back, Help
 * speaks. Left and right inside a text field, and up and down inside the note's text, stay with the text.
 */
export function useKeypad(map: KeyMap, handlers: { onAction: (action: KeypadAction) => void; onBack: () => void; onHelp: () => void }): void {
  const latest = useLatest(handlers);
  const keys = useLatest(map);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = actionFor(keys.current, e.key);
      if (!action || e.defaultPrevented) return;
      const target = document.activeElement;
      const rtl = document.documentElement.dir === 'rtl';
      if ((action === 'left' || action === 'right') && isTextField(target)) return;
      // In the note, up and down move through its lines, and out of it from its first or last character.
      if (target instanceof HTMLTextAreaElement) {
        const { selectionStart: start, selectionEnd: end, value } = target;
        if (action === 'up' && !(start === 0 && end === 0)) return;
        if (action === 'down' && !(start === value.length && end === value.length)) return;
      }
      latest.current.onAction(action);
      switch (action) {
        case 'up':
          return step(e, -1);
        case 'down':
          return step(e, 1);
        case 'left':
          return step(e, rtl ? 1 : -1);
        case 'right':
          return step(e, rtl ? -1 : 1);
        case 'enter':
          // Enter chooses a check box as Space does; buttons and forms already answer Enter.
          if (target instanceof HTMLInputElement && target.type === 'checkbox') {
            e.preventDefault();
            target.click();
          } else if (!target || target === document.body) {
            e.preventDefault();
            move(1);
          }
          return;
        case 'back':
          e.preventDefault();
          return latest.current.onBack();
        case 'help':
          e.preventDefault();
          return latest.current.onHelp();
      }
    };
    const step = (e: KeyboardEvent, by: 1 | -1) => {
      e.preventDefault();
      move(by);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [latest, keys]);
}
