/**
 * The speaking rates and volumes a passenger can choose (EN 301 549 5.1.3.12, 5.1.3.13), as
 * `SpeechSynthesisUtterance.rate` / `.volume`. Steps, not a slider: each press of a key is one
 * audible change, and the ends are reached in a few presses.
 */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** The platform cannot speak louder than its own level (1): more gain is the hardware's (8.2, 5.1.3.13). */
export const VOLUMES = [0.25, 0.5, 0.75, 1] as const;

export type SpeechSetting = 'rate' | 'volume';

export interface SpeechLevels {
  rate: number;
  volume: number;
}

export const DEFAULT_LEVELS: SpeechLevels = { rate: 1, volume: 1 };

const STEPS: Record<SpeechSetting, readonly number[]> = { rate: RATES, volume: VOLUMES };

/** The next level up (`+1`) or down (`-1`), staying at the end when there is none. */
export function stepLevel(levels: SpeechLevels, setting: SpeechSetting, direction: 1 | -1): SpeechLevels {
  const steps = STEPS[setting];
  const at = steps.indexOf(levels[setting]);
  const next = steps[Math.min(steps.length - 1, Math.max(0, (at < 0 ? steps.indexOf(DEFAULT_LEVELS[setting]) : at) + direction))]!;
  return { ...levels, [setting]: next };
}

/** True when a level is at the end of its steps in that direction (said, so a press that changes nothing is explained). */
export function atEnd(levels: SpeechLevels, setting: SpeechSetting, direction: 1 | -1): boolean {
  return stepLevel(levels, setting, direction)[setting] === levels[setting];
}
