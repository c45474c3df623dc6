import type { Plugin } from 'vite';

/** What differs between the apps' pages: the tab's title, the browser's bar colour, whether links leak the address. */
export type AppPage = {
  title: string;
  themeColor: string;
  /**
   * The phone's address carries its ticket capability and the outlet's may carry its token:
   * neither may travel to another site in a Referer header.
   */
  noReferrer?: boolean;
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The one page every app is: a root for React and the app's entry script (`src/main.tsx` beside its index.html). */
export function pageHtml(page: AppPage): string {
  const referrer = page.noReferrer ? '\n    <meta name="referrer" content="no-referrer" />' : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="theme-color" content="${escapeHtml(page.themeColor)}" />${referrer}
    <title>${escapeHtml(page.title)}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./src/main.tsx"></script>
  </body>
</html>
`;
}

/**
 * Writes each app's index.html from `pageHtml` before Vite reads its scripts, in the build and the dev server alike,
 * so the four apps cannot drift apart (a viewport or charset forgotten in one). The file on disk is only the entry Vite needs.
 */
export function appPage(page: AppPage): Plugin {
  return { name: 'gatecare-app-page', transformIndexHtml: { order: 'pre', handler: () => pageHtml(page) } };
}
