import { z } from 'zod';

/**
 * The hub's Content-Security-Policy forbids eval. zod would probe for it (new Function) and
 * the browser reports each probe as a violation; jitless parsing is fast enough for our payloads.
 * Imported first by each app's entry point.
 */
z.config({ jitless: true });
