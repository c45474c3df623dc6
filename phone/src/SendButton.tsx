import type { Translate } from './i18n.ts';

/** A form's send button: "Sending…" and pressed no more while a message is on its way, or while `disabled` (offline, nothing typed). */
export function SendButton({ label, sending, disabled, t }: { label: string; sending: boolean; disabled: boolean; t: Translate }) {
  return (
    <button type="submit" disabled={sending || disabled}>
      {sending ? t('phone.sending') : label}
    </button>
  );
}
