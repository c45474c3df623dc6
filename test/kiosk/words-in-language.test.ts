import { describe, expect, it } from 'vitest';
import { isolateIn, listIn } from '../../client/passenger/words-in-language.ts';
import { flightLine } from '../../kiosk/src/format.ts';
import type { Flight } from '../../core/plain.ts';

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

/** Latin names, cities and flight numbers inside an Arabic sentence are isolated, as <bdi> would. */
describe('kiosk mixed-direction text', () => {
  const flight = {
    number: 'AF1634',
    destinationName: 'Barcelona',
    status: 'cancelled',
    scheduledDeparture: '2026-11-23T12:34:00Z',
    estimatedDeparture: '2026-11-23T12:34:00Z',
  } as const;

  it('an Arabic flight line isolates the flight number and the English city', () => {
    const { values } = flightLine(flight as unknown as Flight, 'ar', 'Europe/Paris');
    expect(values.flight).toBe('\u2068AF1634\u2069');
    expect(values.destination).toBe('\u2068Barcelona\u2069');
  });

  it('left-to-right languages get the words unchanged', () => {
    const { values } = flightLine(flight as unknown as Flight, 'fr', 'Europe/Paris');
    expect(values.destination).toBe('Barcelona');
    expect(isolateIn('Amira', 'en')).toBe('Amira');
    expect(isolateIn('Amira', 'ar')).toBe('\u2068Amira\u2069');
  });
});
