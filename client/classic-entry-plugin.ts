import { Script } from 'node:vm';
import type { Plugin } from 'vite';

/**
 * Loads an app's entry chunk as a deferred classic script (`<script defer>`) instead of a module
 * script, so that chromium runs it from compiled code once the service worker has precached it.
 *
 * Why: when a service worker puts a script into Cache Storage during its install event (Workbox's
 * precache does), chromium compiles it then and keeps a full V8 code cache beside it, which every
 * later page served from that cache uses: no parse on the critical path, and every function already
 * compiled, so the first render does not compile React function by function on a slow CPU. That
 * cache is made for classic scripts only; a module script served by the worker gets none, and
 * parses and compiles again on every start. Measured on the kiosk under a 4× CPU throttle, README
 * "Devices in a surge".
 *
 * A deferred classic script runs when a module script would (after parsing, in order, before
 * DOMContentLoaded), and dynamic `import()` of the other chunks (languages, workbox-window) works
 * from it, resolved against the script's own address. It is wrapped in a strict-mode function, so
 * its top-level names stay private as in a module. An entry that imports or exports statically
 * (another chunk importing from it), or uses `import.meta` or top-level await, cannot be a classic
 * script: the build stops and says so. Vite's helper for dynamic imports reads `import.meta.url`,
 * which becomes the script's own address.
 */
/** The entry script's own address, in place of `import.meta.url`. */
const ENTRY_URL = '__gatecareEntryUrl';

export function classicEntryScript(): Plugin {
  return {
    name: 'gatecare-classic-entry',
    apply: 'build',
    generateBundle: {
      // After Vite's own passes over the chunks, so what is checked is what is written.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          const links = [...chunk.imports, ...chunk.exports];
          if (links.length > 0) {
            this.error(
              `${chunk.fileName} must load as a classic script (client/classic-entry-plugin.ts) but another chunk ` +
                `imports from it or it imports statically (${links.join(', ')}): keep split chunks self-contained ` +
                `(loaded with import() and importing nothing from the entry), or drop classicEntryScript() for this app`,
            );
          }
          // Vite's dynamic-import helper asks import.meta for the chunk's address (to resolve what it
          // preloads): a classic script knows its own as document.currentScript while it runs.
          const body = chunk.code.replaceAll('import.meta.resolve', 'undefined').replaceAll('import.meta.url', ENTRY_URL);
          const code = `(function(){"use strict";var ${ENTRY_URL}=document.currentScript.src;${body}\n})();\n`;
          try {
            // Compiled, not run: what chromium will accept as a classic script.
            new Script(code, { filename: chunk.fileName });
          } catch (e) {
            this.error(
              `${chunk.fileName} does not compile as a classic script (client/classic-entry-plugin.ts): ${(e as Error).message}. ` +
                `import.meta, top-level await and static import/export need a module script`,
            );
          }
          chunk.code = code;
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const entry = ctx.chunk?.fileName;
        if (!entry) return html;
        const tag = new RegExp(`<script type="module" crossorigin src="([^"]*/${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})"></script>`);
        if (!tag.test(html)) throw new Error(`client/classic-entry-plugin.ts: no module script for ${entry} in the page to load as a classic script`);
        return html.replace(tag, '<script defer src="$1"></script>');
      },
    },
  };
}
