import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { openOutlet } from '../helpers/outlet-page.ts';
import { requestWithMealVoucher } from '../helpers/issued-vouchers.ts';
import { seriousViolations } from '../helpers/axe.ts';

/**
 * Linux chromium has neither a camera here nor the Shape Detection API, so the page is given both:
 * a camera whose stream is a painted canvas, and a BarcodeDetector that reads, once the video
 * plays, whatever the test puts in `window.__barcodeInView` — as a phone held up to the lens would.
 */
const CAMERA_AND_DETECTOR = () => {
  const w = window as unknown as { __barcodeInView?: string; __cameraOpened?: number; BarcodeDetector?: unknown };
  w.__cameraOpened = 0;
  class FakeBarcodeDetector {
    static getSupportedFormats(): Promise<string[]> {
      return Promise.resolve(['qr_code', 'pdf417', 'aztec']);
    }
    detect(video: HTMLVideoElement): Promise<{ rawValue: string }[]> {
      const text = w.__barcodeInView;
      return Promise.resolve(text && video.srcObject ? [{ rawValue: text }] : []);
    }
  }
  w.BarcodeDetector = FakeBarcodeDetector;
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  navigator.mediaDevices.getUserMedia = () => {
    w.__cameraOpened! += 1;
    canvas.getContext('2d')!.fillRect(0, 0, 64, 48);
    return Promise.resolve(canvas.captureStream(5));
  };
};

describe('the outlet reads a voucher QR with the camera, like the kiosk reads a pass', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  async function outletWithCamera(name: string): Promise<Page> {
    const page = await openOutlet(chromium.browser, env.hub.url, { name });
    await page.addInitScript(CAMERA_AND_DETECTOR);
    await page.reload();
    return page;
  }

  it('a café scans the voucher QR with the camera; the camera stops and the voucher is found', async () => {
    const { code } = await requestWithMealVoucher(env, 'Camus');
    const page = await outletWithCamera('Café caméra');
    const start = page.getByRole('button', { name: 'Scan with the camera' });
    await start.click();
    await page.getByLabel('Show the boarding pass barcode or the voucher QR code to the camera.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate((c) => ((window as unknown as { __barcodeInView: string }).__barcodeInView = `GATECARE-VOUCHER:${c}`), code);

    const card = page.getByTestId('outlet-voucher');
    await card.waitFor();
    expect(await card.textContent()).toContain('Surname starting with C');
    expect(await card.getByTestId('voucher-remaining').textContent()).toBe('€15.00 of €15.00');
    // One reading is enough: the camera is off again, ready for the next passenger.
    await expect.poll(() => start.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('video').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __cameraOpened: number }).__cameraOpened)).toBe(1);

    // In French, the same button in the counter's language.
    await page.evaluate(() => localStorage.setItem('gatecare.outlet.language', 'fr'));
    await page.reload();
    await page.getByRole('button', { name: 'Scanner avec la caméra' }).waitFor();
  });
});
