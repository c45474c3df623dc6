/**
 * The one place where a tactile keypad's keys become kiosk actions. Kiosk keypads (EN 301 549
 * §5.1.6.1, §8) send ordinary key events; which key means what varies by model, so each kiosk can
 * override any action from its address: `/kiosk/?keys=help:F2|KeyH,back:Escape` (see README).
 */
export const KEYPAD_ACTIONS = ['up', 'down', 'left', 'right', 'enter', 'back', 'help'] as const;
export type KeypadAction = (typeof KEYPAD_ACTIONS)[number];
export type KeyMap = Readonly<Record<KeypadAction, readonly string[]>>;

/** `KeyboardEvent.key` values. F1 and the Help key as help; Escape and the browser's Back key as back. */
export const DEFAULT_KEYMAP: KeyMap = {
  up: ['ArrowUp'],
  down: ['ArrowDown'],
  left: ['ArrowLeft'],
  right: ['ArrowRight'],
  enter: ['Enter'],
  back: ['Escape', 'BrowserBack', 'GoBack'],
  help: ['F1', 'Help'],
};

const isAction = (s: string): s is KeypadAction => (KEYPAD_ACTIONS as readonly string[]).includes(s);

/**
 * Reads a key setting such as `help:F2|KeyH,back:Escape`: each listed action gets exactly the keys
 * given, the others keep their default. A setting that cannot be read is refused whole, with the
 * reason, and the default keys stay — a half-applied keypad would be worse than none.
 */
export function parseKeyMap(spec: string): { map: KeyMap; error: string | null } {
  const map: Record<KeypadAction, readonly string[]> = { ...DEFAULT_KEYMAP };
  const refuse = (error: string) => ({ map: DEFAULT_KEYMAP, error });
  const seen = new Set<KeypadAction>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    if (!part) continue;
    const colon = part.indexOf(':');
    if (colon < 1) return refuse(`"${part}" is not action:Key (e.g. help:F2)`);
    const action = part.slice(0, colon).trim();
    if (!isAction(action)) return refuse(`unknown action "${action}" (known: ${KEYPAD_ACTIONS.join(', ')})`);
    if (seen.has(action)) return refuse(`"${action}" is given twice`);
    seen.add(action);
    const keys = part
      .slice(colon + 1)
      .split('|')
      .map((k) => k.trim())
      .filter(Boolean);
    if (!keys.length) return refuse(`"${action}" has no key`);
    map[action] = keys;
  }
  const owner = new Map<string, KeypadAction>();
  for (const action of KEYPAD_ACTIONS) {
    for (const key of map[action]) {
      const other = owner.get(key);
      if (other) return refuse(`key "${key}" is given to both "${other}" and "${action}"`);
      owner.set(key, action);
    }
  }
  return { map, error: null };
}

export function actionFor(map: KeyMap, key: string): KeypadAction | null {
  return KEYPAD_ACTIONS.find((a) => map[a].includes(key)) ?? null;
}
