import type { Language } from './values.ts';

/** What a push notification to a passenger's phone says: the phone's service worker shows it as is. */
export interface PushMessage {
  title: string;
  body: string;
  /** A newer notification with the same tag replaces the older one on the phone. */
  tag: string;
}

export type PushEvent =
  | { kind: 'claimed'; ticket: string; name: string }
  | { kind: 'delivered'; ticket: string }
  | { kind: 'cancelled'; ticket: string }
  | { kind: 'answer'; ticket: string; name: string }
  | { kind: 'notice'; ticket: string; flight: string };

type Texts = { [K in PushEvent['kind']]: string };

/**
 * Short, in the passenger's language, and never the words of a message: a notification may be read
 * on a locked screen by anyone nearby, so it says that something happened and the page says what.
 */
const TEXTS: Record<Language, Texts> = {
  en: {
    claimed: 'Ticket {{ticket}}: on the way — {{name}}',
    delivered: 'Ticket {{ticket}}: delivered',
    cancelled: 'Ticket {{ticket}}: cancelled. Ask at the gate if you still need help.',
    answer: '{{name}} answered your message (ticket {{ticket}})',
    notice: 'News for your flight {{flight}}: open your ticket to read it.',
  },
  fr: {
    claimed: 'Ticket {{ticket}} : en route — {{name}}',
    delivered: 'Ticket {{ticket}} : livré',
    cancelled: 'Ticket {{ticket}} : annulé. Adressez-vous à la porte si vous avez encore besoin d’aide.',
    answer: '{{name}} a répondu à votre message (ticket {{ticket}})',
    notice: 'Du nouveau pour votre vol {{flight}} : ouvrez votre ticket pour le lire.',
  },
  es: {
    claimed: 'Ticket {{ticket}}: en camino — {{name}}',
    delivered: 'Ticket {{ticket}}: entregado',
    cancelled: 'Ticket {{ticket}}: cancelado. Pregunte en la puerta si todavía necesita ayuda.',
    answer: '{{name}} ha respondido a su mensaje (ticket {{ticket}})',
    notice: 'Novedades sobre su vuelo {{flight}}: abra su ticket para leerlas.',
  },
  de: {
    claimed: 'Ticket {{ticket}}: unterwegs — {{name}}',
    delivered: 'Ticket {{ticket}}: übergeben',
    cancelled: 'Ticket {{ticket}}: storniert. Fragen Sie am Gate, wenn Sie noch Hilfe brauchen.',
    answer: '{{name}} hat auf Ihre Nachricht geantwortet (Ticket {{ticket}})',
    notice: 'Neuigkeiten zu Ihrem Flug {{flight}}: Öffnen Sie Ihr Ticket, um sie zu lesen.',
  },
  it: {
    claimed: 'Ticket {{ticket}}: in arrivo — {{name}}',
    delivered: 'Ticket {{ticket}}: consegnato',
    cancelled: 'Ticket {{ticket}}: annullato. Chieda al gate se ha ancora bisogno di aiuto.',
    answer: '{{name}} ha risposto al suo messaggio (ticket {{ticket}})',
    notice: 'Novità sul suo volo {{flight}}: apra il ticket per leggerle.',
  },
  ar: {
    claimed: 'التذكرة {{ticket}}: في الطريق — {{name}}',
    delivered: 'التذكرة {{ticket}}: تم التسليم',
    cancelled: 'التذكرة {{ticket}}: أُلغيت. اسأل عند البوابة إن كنت لا تزال بحاجة إلى المساعدة.',
    answer: 'ردّ {{name}} على رسالتك (التذكرة {{ticket}})',
    notice: 'مستجدات بشأن رحلتك {{flight}}: افتح تذكرتك لقراءتها.',
  },
  zh: {
    claimed: '票号 {{ticket}}：{{name}} 正在赶来',
    delivered: '票号 {{ticket}}：已送达',
    cancelled: '票号 {{ticket}}：已取消。如仍需帮助，请到登机口询问。',
    answer: '{{name}} 回复了您的消息（票号 {{ticket}}）',
    notice: '您的航班 {{flight}} 有新消息：请打开您的票查看。',
  },
};

export function pushMessage(event: PushEvent, language: Language): PushMessage {
  const values: Record<string, string> = { ...event };
  const body = TEXTS[language][event.kind].replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '');
  return { title: 'GateCare', body, tag: `${event.ticket}:${event.kind === 'notice' ? 'notice' : 'ticket'}` };
}
