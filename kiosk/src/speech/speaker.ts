import i18next, { type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import { DEFAULT_LEVELS, type SpeechLevels } from './speech-levels.ts';

/**
 * Words to say, given a translate function and its language: the passenger's, or English when the
 * device has no voice for theirs. Composing through `t` keeps a fallback wholly in English
 * instead of English grammar around words of another language.
 */
export type Words = (t: TFunction, language: string) => string;

interface SpeechSnapshot {
  on: boolean;
  /** The last thing said, shown on screen: every sound has a visible equivalent. */
  caption: string;
  /** Bumped when the device's list of voices changes. */
  voices: number;
  /** The passenger's speaking rate and volume, for this session only. */
  levels: SpeechLevels;
}

let snapshot: SpeechSnapshot = { on: false, caption: '', voices: 0, levels: DEFAULT_LEVELS };
const listeners = new Set<() => void>();

function update(patch: Partial<SpeechSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  document.documentElement.dataset.speech = snapshot.on ? 'on' : 'off';
  for (const l of listeners) l();
}

function synth(): SpeechSynthesis | null {
  return 'speechSynthesis' in window ? window.speechSynthesis : null;
}

let watchingVoices = false;
function watchVoices(): void {
  const s = synth();
  if (watchingVoices || !s) return;
  watchingVoices = true;
  // Chromium lists voices asynchronously after the first call.
  s.addEventListener?.('voiceschanged', () => update({ voices: snapshot.voices + 1 }));
}

const baseLanguage = (tag: string) => tag.toLowerCase().replace('_', '-').split('-')[0];

/**
 * The device's voice for a language; null when the device lists voices but none for it (or has
 * no speech synthesis); undefined while it lists none yet, when the platform picks by `lang`.
 */
function voiceFor(language: string): SpeechSynthesisVoice | null | undefined {
  const s = synth();
  if (!s) return null;
  watchVoices();
  const voices = s.getVoices();
  if (!voices.length) return undefined;
  return voices.find((v) => baseLanguage(v.lang) === language) ?? null;
}

/** True when speech in this language has to fall back to English on this device. */
export function voiceMissing(language: string): boolean {
  return voiceFor(language) === null;
}

function speakNow(text: string, language: string, voice: SpeechSynthesisVoice | undefined, interrupt: boolean): void {
  const s = synth();
  if (!s || !text.trim()) return;
  if (interrupt) s.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = voice?.lang ?? language;
  if (voice) u.voice = voice;
  u.rate = snapshot.levels.rate;
  u.volume = snapshot.levels.volume;
  s.speak(u);
  update({ caption: text });
}

export interface SayOptions {
  /** Stop what is being said first (moving to another choice), instead of queueing after it. */
  interrupt?: boolean;
  /** Said with speech off too: the idle warning and the hint on how to start speech. */
  evenIfOff?: boolean;
}

/** Says something in the passenger's language, or in English with an English voice when the device has no voice for it. */
export function say(words: Words, opts: SayOptions = {}): void {
  if (!snapshot.on && !opts.evenIfOff) return;
  const language = i18next.language;
  const voice = voiceFor(language);
  if (voice === null && language !== 'en') {
    speakNow(words(i18next.getFixedT('en'), 'en'), 'en', voiceFor('en') ?? undefined, opts.interrupt ?? false);
  } else {
    speakNow(words(i18next.getFixedT(language), language), language, voice ?? undefined, opts.interrupt ?? false);
  }
}

/**
 * Says a text read from the screen (a button's name). Without a voice for the passenger's language
 * the English words are said when the text is one of the kiosk's own, otherwise the text as it is.
 */
export function sayText(text: string, opts: SayOptions = {}): void {
  say((t, language) => fromScreen(text, t, language), opts);
}

/** A text from the screen for `say`: as it is, or in English (when the kiosk knows it) when speech falls back to English. */
export function fromScreen(text: string, t: TFunction, language: string): string {
  return language === i18next.language ? text : englishFor(text, t);
}

type Tree = { [k: string]: string | Tree };
function englishFor(text: string, t: TFunction): string {
  const bundle = i18next.getResourceBundle(i18next.language, 'translation') as Tree | undefined;
  const find = (tree: Tree, prefix: string): string | null => {
    for (const [k, v] of Object.entries(tree)) {
      const key = prefix + k;
      if (v === text) return key;
      if (typeof v === 'object') {
        const found = find(v, `${key}.`);
        if (found) return found;
      }
    }
    return null;
  };
  const key = bundle ? find(bundle, '') : null;
  return key ? t(key) : text;
}

export function setSpeechOn(on: boolean): void {
  if (on === snapshot.on) return;
  if (!on) synth()?.cancel();
  update({ on, caption: on ? snapshot.caption : '' });
}

/** The passenger's rate and volume, used from the next utterance on. */
export function setSpeechLevels(levels: SpeechLevels): void {
  update({ levels });
}

/** Back to the platform's rate and volume: the next passenger starts from the defaults. */
export function resetSpeechLevels(): void {
  update({ levels: DEFAULT_LEVELS });
}

export function isSpeechOn(): boolean {
  return snapshot.on;
}

export function useSpeech(): SpeechSnapshot {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => snapshot,
  );
}
