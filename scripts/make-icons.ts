import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../test/helpers/browser.ts';

/**
 * Draws the GateCare mark (a gate arch sheltering a heart) as SVG and rasterises it in chromium,
 * so the PNG icons the manifests name are reproducible: `npx tsx scripts/make-icons.ts`.
 * Maskable icons keep the mark inside the central 80 % safe zone on a full-bleed background,
 * since launchers crop them to any shape.
 */

const BLUE = '#0b3d91';

function mark(size: number, { maskable, accent }: { maskable: boolean; accent: string }): string {
  // The mark is drawn on a 100-unit grid; a maskable icon shrinks it to the safe zone.
  const scale = maskable ? 0.62 : 0.8;
  const offset = (100 - 100 * scale) / 2;
  const background = maskable
    ? `<rect width="100" height="100" fill="${BLUE}"/>`
    : `<rect x="2" y="2" width="96" height="96" rx="22" fill="${BLUE}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  ${background}
  <g transform="translate(${offset} ${offset}) scale(${scale})">
    <path d="M18 92 V44 A32 32 0 0 1 82 44 V92" fill="none" stroke="#ffffff" stroke-width="9" stroke-linecap="round"/>
    <path d="M50 80 C30 66 26 56 32 48 C37 42 46 43 50 50 C54 43 63 42 68 48 C74 56 70 66 50 80 Z" fill="${accent}"/>
  </g>
</svg>`;
}

const apps = [
  { dir: 'kiosk/public/icons', accent: '#ffb400' },
  { dir: 'staff-app/public/icons', accent: '#5fd3a0' },
  { dir: 'phone/public/icons', accent: '#ff8a7a' },
];
const icons = [
  { name: 'icon-192.png', size: 192, maskable: false },
  { name: 'icon-512.png', size: 512, maskable: false },
  { name: 'maskable-512.png', size: 512, maskable: true },
];

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const app of apps) {
    await mkdir(app.dir, { recursive: true });
    for (const icon of icons) {
      await page.setViewportSize({ width: icon.size, height: icon.size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${mark(icon.size, { maskable: icon.maskable, accent: app.accent })}</body></html>`,
      );
      await page.locator('svg').screenshot({ path: `${app.dir}/${icon.name}`, omitBackground: true });
      console.log(`${app.dir}/${icon.name}`);
    }
  }
} finally {
  await browser.close();
}
