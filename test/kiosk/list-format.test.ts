import { describe, expect, it } from 'vitest';
import { listIn } from '../../kiosk/src/list-format.ts';

/** The ticket's "You asked for: …" line joins needs as each language does, not with a Latin comma. */
describe('kiosk lists in the passenger language', () => {
  it('Arabic joins with its own conjunction and no Latin comma', () => {
    const text = listIn(['ماء', 'طعام', 'بطانية'], 'ar');
    expect(text).toContain(' و');
    expect(text).not.toContain(', ');
  });

  it('English, French and Chinese each use their own separators', () => {
    expect(listIn(['water', 'food', 'blanket'], 'en')).toBe('water, food, and blanket');
    expect(listIn(['eau', 'nourriture'], 'fr')).toBe('eau et nourriture');
    expect(listIn(['水', '食物', '毯子'], 'zh')).toBe('水、食物和毯子');
  });

  it('one need stays as it is', () => {
    expect(listIn(['water'], 'ar')).toBe('water');
  });
});
