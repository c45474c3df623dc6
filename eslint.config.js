// Lint rules for the whole repository (`npm run lint`). A rule is turned off only with the reason next to it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const APPS = ['kiosk', 'staff-app', 'phone', 'outlet'];

/** Sockets belong to client/ (outbox, retries, pulls): an app that opened its own would bypass them. */
const noSocketsInApps = {
  paths: [
    { name: 'socket.io-client', message: 'Apps talk to the hub through client/ (sync-client, use-sync), never a socket of their own.' },
    { name: 'socket.io', message: 'socket.io is the hub’s (server/); apps talk to it through client/.' },
  ],
  patterns: [{ group: ['socket.io-client/*', 'engine.io-client', 'engine.io-client/*'], message: 'Apps talk to the hub through client/.' }],
};

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'test/artifacts/', 'bench/results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle reads the modules an import leads to: it must know to parse them as TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      // House rule: no `any`. Unused names are errors, except a deliberate `_` placeholder.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `[state, id] = step(state)` threads a state through a test while `id` is set once: only when every
      // name in a destructuring could be const is `let` a mistake.
      'prefer-const': ['error', { destructuring: 'all' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['kiosk/**/*.{ts,tsx}', 'staff-app/**/*.{ts,tsx}', 'phone/**/*.{ts,tsx}', 'outlet/**/*.{ts,tsx}', 'client/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The staff queue (surge UI) keeps structural-sharing caches across renders in refs on purpose (stable key
    // arrays and voucher lists so memoised cards skip re-rendering, measured heights for the windowed list), and
    // re-measures after every commit. The React Compiler's rules cannot verify that pattern; moving these caches to
    // state is a follow-up for the queue's owner. Off for these three files only.
    files: ['staff-app/src/queue/QueueList.tsx', 'staff-app/src/queue/use-queue-view.ts', 'staff-app/src/queue/use-windowed-list.ts'],
    rules: { 'react-hooks/refs': 'off', 'react-hooks/preserve-manual-memoization': 'off', 'react-hooks/exhaustive-deps': 'off' },
  },
  // Boundaries between the folders (README, Architecture): core at the bottom, apps side by side, hub apart.
  {
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './core',
              from: ['./server', './client', './kiosk', './staff-app', './phone', './outlet', './bench', './scripts', './test'],
              message: 'core/ is the shared bottom layer: it imports nothing from the hub, the sync client or the apps.',
            },
            {
              target: ['./kiosk', './staff-app'],
              from: './phone',
              message: "The phone app is the passenger's own: the kiosk and the staff app never import it.",
            },
            {
              target: './phone',
              from: ['./staff-app', './server'],
              message: 'The phone talks to the hub over its own ticket-scoped channel and shares only through core/.',
            },
            {
              // A passenger reads the same words on the kiosk and on their phone: the phone shares the kiosk's catalogs.
              target: './phone',
              from: './kiosk',
              except: ['./src/locales', './src/languages.ts'],
              message: "The phone shares only the kiosk's catalogs and language list.",
            },
            {
              // The outlet speaks to the hub over its own REST routes with its own token, and shares through core/.
              target: './outlet',
              from: ['./kiosk', './staff-app', './phone', './server'],
              message: 'The outlet app shares with the others only through core/ and client/.',
            },
            {
              target: ['./kiosk', './staff-app', './phone'],
              from: './outlet',
              message: 'No app imports the outlet app; share through core/ or client/.',
            },
            {
              target: './kiosk',
              from: './staff-app',
              message: 'The kiosk and the staff app never import each other; share through core/ or client/.',
            },
            {
              target: './staff-app',
              from: './kiosk',
              message: 'The kiosk and the staff app never import each other; share through core/ or client/.',
            },
            { target: './server', from: APPS.map((a) => `./${a}`), message: 'The hub never imports the apps; share through core/.' },
            {
              target: './client',
              from: [...APPS.map((a) => `./${a}`), './server'],
              message: 'client/ is shared by both apps and runs in the browser: it imports neither app nor the hub.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['kiosk/**/*.{ts,tsx}', 'staff-app/**/*.{ts,tsx}', 'outlet/**/*.{ts,tsx}'],
    ignores: ['*/vite.config.ts'],
    rules: { 'no-restricted-imports': ['error', noSocketsInApps] },
  },
);
