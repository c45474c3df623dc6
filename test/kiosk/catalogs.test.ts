import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Language,
  Need,
  FlightStatus,
  RequestStatus,
  NEXT_THRESHOLD_MESSAGE_KEYS,
  entitlementMessageKey,
  entitlementsForFlight,
} from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { catalogLanguages, placeholders, readCatalog } from '../helpers/locale-catalogs.ts';
import type { BcbpErrorCode, WaitEstimate, PassMatch } from '../../core/index.ts';

const LOCALES = 'kiosk/src/locales';
const SRC = 'kiosk/src';

const catalog = (lang: string): Map<string, string> => readCatalog(LOCALES, lang);

// i18next picks `key_<category>` from Intl.PluralRules, so each language needs its own plural categories.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const pluralBase = (key: string) => key.replace(PLURAL, '');
function pluralForms(cat: Map<string, string>): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const k of cat.keys()) {
    const m = PLURAL.exec(k);
    if (!m) continue;
    const base = pluralBase(k);
    forms.set(base, (forms.get(base) ?? new Set()).add(m[1]!));
  }
  return forms;
}
const hasKey = (cat: Map<string, string>, key: string) => cat.has(key) || cat.has(`${key}_other`);

/** Every key the kiosk code names literally, `t('…')` or `tr('…')`, in kiosk/src and its folders (speech/, keypad/). */
function usedKeys(): Set<string> {
  const used = new Set<string>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  for (const f of files) {
    const code = readFileSync(join(SRC, f), 'utf8');
    for (const m of code.matchAll(/\b(?:t|tr)\(\s*'([a-zA-Z_.]+)'/g)) used.add(m[1]!);
    // Keys chosen among literals, e.g. pending ? 'net.saved' : 'net.sent', or a screen's spoken text.
    for (const m of code.matchAll(/'((?:speech|net|display|keypad)\.[a-zA-Z_]+)'/g)) used.add(m[1]!);
  }
  return used;
}

describe('kiosk translations', () => {
  const en = catalog('en');

  it('has a catalog for every passenger language and no other', () => {
    expect(catalogLanguages(LOCALES)).toEqual([...Language.options].sort());
  });

  it.each(Language.options.filter((l) => l !== 'en'))('%s has every English key, no extra key, nothing empty, the same placeholders', (lang) => {
    const other = catalog(lang);
    const keys = (cat: Map<string, string>) => new Set([...cat.keys()].map(pluralBase));
    const missing = [...keys(en)].filter((k) => !keys(other).has(k));
    const extra = [...keys(other)].filter((k) => !keys(en).has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    for (const [k, v] of other) {
      expect(v.trim(), `${lang}: ${k} is empty`).not.toBe('');
      const english = en.get(k) ?? en.get(`${pluralBase(k)}_other`)!;
      // A singular form may spell the number out ("1 request") instead of using {{count}}.
      const expected = PLURAL.test(k) ? placeholders(english).filter((p) => p !== 'count') : placeholders(english);
      expect(
        placeholders(v).filter((p) => !PLURAL.test(k) || p !== 'count'),
        `${lang}: ${k} placeholders`,
      ).toEqual(expected);
    }
  });

  it.each(Language.options)('%s has every plural form its grammar needs', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [base, forms] of pluralForms(catalog(lang))) {
      expect([...forms].sort(), `${lang}: ${base}`).toEqual([...categories].sort());
    }
  });

  it('has English words for every key the kiosk code uses', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(40);
    // Keys built from domain values, e.g. t(`needs.${need}`).
    for (const n of Need.options) used.add(`needs.${n}`);
    for (const s of FlightStatus.options) used.add(`flight.${s}`);
    for (const s of RequestStatus.options) used.add(`ticket.${s}`);
    const scanCodes: BcbpErrorCode[] = ['empty', 'not_boarding_pass', 'truncated', 'invalid_field'];
    for (const c of scanCodes) used.add(`scan.${c}`);
    const passCodes: Extract<PassMatch, { ok: false }>['code'][] = ['other_day', 'not_listed', 'no_leg_here'];
    for (const c of passCodes) used.add(`scan.${c}`);
    for (const k of NEXT_THRESHOLD_MESSAGE_KEYS) used.add(k);
    const bases: WaitEstimate['basis'][] = ['recent_pace', 'typical_pace', 'on_the_way', 'done'];
    for (const b of bases) used.add(`wait.${b}`);
    for (const k of ['adults', 'children', 'infants']) used.add(`form.${k}`);
    const missing = [...used].filter((k) => !hasKey(en, k));
    expect(missing).toEqual([]);
  });

  it('words every entitlement the rules can grant', () => {
    const granted = new Set(
      [
        'meal.delay_threshold',
        'meal.cancellation',
        'meal.short_notice_wait',
        'meal.priority_passenger',
        'communication.delay_threshold',
        'communication.cancellation',
        'communication.short_notice_wait',
        'communication.priority_passenger',
        'hotel.overnight',
        'hotel.priority_passenger',
        'transport.overnight',
        'transport.priority_passenger',
        'priority_care.priority_passenger',
      ].map((k) => `entitlement.${k}`),
    );
    // And whatever the engine actually says about tonight's demo flights, for every kind of party.
    const state = demoState();
    const profiles = [
      { persons: 2, reducedMobility: false, unaccompaniedChild: false },
      { persons: 1, reducedMobility: true, unaccompaniedChild: false },
      { persons: 1, reducedMobility: false, unaccompaniedChild: true },
    ];
    for (const flight of Object.values(state.flights)) {
      for (const p of profiles) {
        for (const e of entitlementsForFlight(state, flight, p)?.entitlements ?? []) granted.add(entitlementMessageKey(e));
      }
    }
    expect(granted.size).toBeGreaterThanOrEqual(13);
    expect([...granted].filter((k) => !en.has(k))).toEqual([]);
  });
});

describe('spoken texts (issue 20)', () => {
  const spoken = [...usedKeys()].filter((k) => k.startsWith('speech.'));

  it('every screen has its spoken words, and the code says at least the screens, ticket, vouchers, idle warning and hint', () => {
    for (const k of [
      'speech.home',
      'speech.ticketScreen',
      'speech.lookupScreen',
      'speech.ticketNumber',
      'speech.status',
      'speech.voucherIssued',
      'speech.voucherPending',
      'speech.voucherDeclined',
      'speech.idle',
      'speech.hint',
      'speech.on',
      'speech.keys',
      'speech.noVoice',
    ]) {
      expect(spoken, k).toContain(k);
    }
  });

  it.each(Language.options)('%s has every spoken text the kiosk says, none empty, none left in English', (lang) => {
    const cat = catalog(lang);
    const en = catalog('en');
    for (const k of spoken) {
      expect(cat.get(k)?.trim(), `${lang}: ${k}`).toBeTruthy();
      if (lang !== 'en') expect(cat.get(k), `${lang}: ${k} is still the English text`).not.toBe(en.get(k));
    }
  });
});
