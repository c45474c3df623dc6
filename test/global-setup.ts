import { build } from 'vite';

/** Browser tests run against the built apps, as a user gets them: build once per run. */
export default async function setup(): Promise<void> {
  if (process.env.GATECARE_SKIP_BUILD === '1') return;
  // vitest sets NODE_ENV=test, which would give React's slow development build.
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  for (const app of ['kiosk', 'staff-app', 'phone', 'outlet']) {
    await build({ configFile: `${app}/vite.config.ts`, logLevel: 'warn', mode: 'production' });
  }
  process.env.NODE_ENV = saved;
}
