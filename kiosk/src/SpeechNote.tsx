import { useKioskTranslation } from './use-kiosk-translation.ts';
import { KIOSK_LANGUAGES } from './languages.ts';
import { useSpeech, voiceMissing } from './speech/speaker.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';

/**
 * What the screen says about speech: how to start it and that it is for headphones (speech off),
 * or what is being said and, when the device has no voice for the passenger's language, that
 * speech is in English.
 */
export function SpeechNote({ keypadError }: { keypadError: string | null }) {
  const { t, language: code } = useKioskTranslation();
  const speech = useSpeech();
  const language = KIOSK_LANGUAGES.find((l) => l.code === code)?.name ?? code;
  return (
    <div className="speech-note" data-testid="speech-note">
      <ErrorLine text={keypadError && t('keypad.configError', { error: keypadError })} />
      {!speech.on && <p>{t('speech.hint')}</p>}
      {speech.on && voiceMissing(code) && (
        <p className="no-voice" data-testid="no-voice">
          {t('speech.noVoice', { language })}
        </p>
      )}
      {speech.on && (
        <p className="caption" data-testid="speech-caption">
          {t('speech.caption')}:<bdi>{speech.caption}</bdi>
        </p>
      )}
      <p className="private">{t('speech.private')}</p>
    </div>
  );
}
