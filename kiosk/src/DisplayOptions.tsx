import { useKioskTranslation } from './use-kiosk-translation.ts';
import { TextSizeToggle } from './TextSize.tsx';
import { setSpeechOn, useSpeech } from './speech/speaker.ts';
import { SpeechControls } from './SpeechControls.tsx';

export interface DisplayPrefs {
  largeText: boolean;
  highContrast: boolean;
  /** Every control in the lower part of a portrait screen, for a seated passenger. */
  withinReach: boolean;
}

/** Speech, larger text, high contrast and within reach: each a toggle on every screen, any combination. */
export function DisplayOptions({ prefs, onChange }: { prefs: DisplayPrefs; onChange: (prefs: DisplayPrefs) => void }) {
  const { t } = useKioskTranslation();
  const speech = useSpeech();
  return (
    <div className="display-options">
      <button className="speech-toggle" aria-pressed={speech.on} onClick={() => setSpeechOn(!speech.on)}>
        {t('speech.toggle')}
      </button>
      <SpeechControls />
      <TextSizeToggle large={prefs.largeText} onChange={(largeText) => onChange({ ...prefs, largeText })} />
      <button className="contrast-toggle" aria-pressed={prefs.highContrast} onClick={() => onChange({ ...prefs, highContrast: !prefs.highContrast })}>
        <span aria-hidden="true">◐ </span>
        {t('display.contrast')}
      </button>
      <button className="reach-toggle" aria-pressed={prefs.withinReach} onClick={() => onChange({ ...prefs, withinReach: !prefs.withinReach })}>
        <span aria-hidden="true">⤓ </span>
        {t('display.reach')}
      </button>
    </div>
  );
}
