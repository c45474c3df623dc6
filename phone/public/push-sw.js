/* The phone's Web Push handler, loaded by its Workbox service worker (client/pwa-plugin.ts).
   The hub sends { title, body, tag } already in the passenger's language (core/push-texts.ts). */
self.addEventListener('push', (event) => {
  let message = { title: 'GateCare', body: '', tag: 'gatecare' };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // A payload we cannot read still tells the passenger to look.
  }
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, tag: message.tag, icon: 'icons/icon-192.png' }));
});

// A tap on the notification brings the ticket page forward, or opens it.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((pages) => {
      const open = pages.find((p) => new URL(p.url).pathname.startsWith(self.registration.scope.replace(self.location.origin, '')));
      return open ? open.focus() : self.clients.openWindow(self.registration.scope);
    }),
  );
});
