import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP, actionFor, parseKeyMap } from '../../kiosk/src/keypad/keymap.ts';

describe('the kiosk keypad map (kiosk/src/keypad/keymap.ts)', () => {
  it('maps arrows, Enter, Back and Help by default', () => {
    expect(actionFor(DEFAULT_KEYMAP, 'ArrowDown')).toBe('down');
    expect(actionFor(DEFAULT_KEYMAP, 'Enter')).toBe('enter');
    expect(actionFor(DEFAULT_KEYMAP, 'Escape')).toBe('back');
    expect(actionFor(DEFAULT_KEYMAP, 'F1')).toBe('help');
    expect(actionFor(DEFAULT_KEYMAP, 'a')).toBeNull();
  });

  it('lets a kiosk give any action its own keys, keeping the others', () => {
    const { map, error } = parseKeyMap('help:F2|Help, back:Backspace');
    expect(error).toBeNull();
    expect(actionFor(map, 'F2')).toBe('help');
    expect(actionFor(map, 'F1')).toBeNull();
    expect(actionFor(map, 'Backspace')).toBe('back');
    expect(actionFor(map, 'ArrowUp')).toBe('up');
    expect(parseKeyMap('').map).toEqual(DEFAULT_KEYMAP);
  });

  it.each([
    ['jump:F2', /unknown action "jump"/],
    ['help', /not action:Key/],
    ['help:', /"help" has no key/],
    ['help:F2,help:F3', /given twice/],
    ['help:Enter', /key "Enter" is given to both "enter" and "help"/],
  ])('refuses %s whole, says why and keeps the standard keys', (spec, reason) => {
    const { map, error } = parseKeyMap(spec);
    expect(error).toMatch(reason);
    expect(map).toEqual(DEFAULT_KEYMAP);
  });
});
