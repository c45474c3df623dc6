import { useKioskTranslation } from './use-kiosk-translation.ts';
import type { TFunction } from 'i18next';
import { say, setSpeechLevels, useSpeech } from './speech/speaker.ts';
import { atEnd, stepLevel, type SpeechLevels, type SpeechSetting } from './speech/speech-levels.ts';

const percent = (value: number, language: string) => new Intl.NumberFormat(language, { style: 'percent' }).format(value);

/** "Speed 125 %" or "Volume 50 %, the quietest", in a language. */
function levelWords(levels: SpeechLevels, setting: SpeechSetting, end: boolean, t: TFunction, language: string): string {
  const value = percent(levels[setting], language);
  const words = t(setting === 'rate' ? 'speech.rate' : 'speech.volume', { value });
  return end ? `${words}. ${t('speech.limit')}` : words;
}

const BUTTONS: { setting: SpeechSetting; direction: 1 | -1; label: string }[] = [
  { setting: 'rate', direction: -1, label: 'speech.slower' },
  { setting: 'rate', direction: 1, label: 'speech.faster' },
  { setting: 'volume', direction: -1, label: 'speech.quieter' },
  { setting: 'volume', direction: 1, label: 'speech.louder' },
];

/**
 * Speaking rate and volume (EN 301 549 5.1.3.12, 5.1.3.13), shown while speech is on: buttons, so
 * the keypad reaches them like any control; each press says the new level at that level. Kept for
 * this passenger only: the idle reset puts them back.
 */
export function SpeechControls() {
  const { t, language } = useKioskTranslation();
  const { on, levels } = useSpeech();
  if (!on) return null;
  const press = (setting: SpeechSetting, direction: 1 | -1) => {
    const end = atEnd(levels, setting, direction);
    const next = stepLevel(levels, setting, direction);
    setSpeechLevels(next);
    say((tr, language) => levelWords(next, setting, end, tr, language), { interrupt: true });
  };
  return (
    <div className="speech-controls" role="group" aria-label={t('speech.settings')} data-testid="speech-controls">
      {BUTTONS.map((b) => (
        <button key={b.label} onClick={() => press(b.setting, b.direction)}>
          {t(b.label)}
        </button>
      ))}
      <p className="speech-levels" data-testid="speech-levels">
        {t('speech.rate', { value: percent(levels.rate, language) })} · {t('speech.volume', { value: percent(levels.volume, language) })}
      </p>
    </div>
  );
}
