import { useState } from 'react';
import type { Translate } from './i18n.ts';
import type { PhoneSend } from './use-phone-ticket.ts';

type NotifyState = 'idle' | 'asking' | 'on' | 'off' | 'failed';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/**
 * "Tell me when something changes": Web Push where the phone allows it. Everything on the page
 * works without it; a refusal only says so.
 */
export function Notify({ pushKey, t, online, send }: { pushKey: string | undefined; t: Translate; online: boolean; send: PhoneSend }) {
  const supported = !!pushKey && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  const [state, setState] = useState<NotifyState>(() => (supported && Notification.permission === 'denied' ? 'off' : 'idle'));
  if (!supported) return null;

  const subscribe = async () => {
    setState('asking');
    try {
      if ((await Notification.requestPermission()) !== 'granted') return setState('off');
      const registration = await navigator.serviceWorker.ready;
      const sub = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(pushKey) });
      const answer = await send('push', sub.toJSON());
      setState(answer.ok ? 'on' : 'failed');
    } catch {
      setState('failed');
    }
  };

  return (
    <p className="notify" data-testid="notify">
      {state === 'on' && <span role="status">{t('phone.notifyOn')}</span>}
      {state === 'off' && <span role="status">{t('phone.notifyOff')}</span>}
      {state === 'failed' && <span role="status">{t('phone.notifyFailed')}</span>}
      {(state === 'idle' || state === 'asking' || state === 'failed') && (
        <button type="button" disabled={!online || state === 'asking'} onClick={() => void subscribe()}>
          {t('phone.notify')}
        </button>
      )}
    </p>
  );
}
