import type { PageCost, UiResult } from './ui.ts';

const cost = (c: PageCost | undefined): string =>
  c ? `${c.cpuMsPerPush} ms CPU (script ${c.scriptMsPerPush}, layout ${c.layoutMsPerPush} ms in ${c.layoutsPerPush} layouts)` : 'not measured';

/** The bench table's rows for the devices in a surge. */
export function uiRows(ui: UiResult, kioskThrottled: number | null, kioskUnderPlaywright: number | null = null): Array<[string, string, string?]> {
  const t = ui.tablet;
  const b = ui.board;
  return [
    [
      `Staff tablet, ${t.openAtStart} open, ${t.perSecond} pushes/s, CPU ÷${ui.cpuThrottle}: submit→on screen p50/p95/p99`,
      `${t.shown.p50} / ${t.shown.p95} / ${t.shown.p99} ms (${t.shown.n} pushes, ${t.missing} missing; ${t.cardsInDom} cards in the DOM)`,
      'p99 ≤ 50 ms',
    ],
    [`Staff tablet, main thread per push (CPU time, throttle's pauses not counted)`, cost(t.page)],
    [
      `Staff tablet scrolling, CPU ÷${ui.cpuThrottle}: frame time p50/p95/max`,
      `${t.scrollFrameMs.p50} / ${t.scrollFrameMs.p95} / ${t.scrollFrameMs.max} ms`,
      'smooth',
    ],
    [
      `Manager board, ${b.requestsAtStart} requests, CPU ÷${ui.cpuThrottle}: submit→drawn p50/p95/p99`,
      `${b.shown.p50} / ${b.shown.p95} / ${b.shown.p99} ms (${b.shown.n} pushes, ${b.missing} missing)`,
      'p99 ≤ 100 ms',
    ],
    [`Manager board, main thread per push (CPU time, throttle's pauses not counted)`, cost(b.page)],
    ...(kioskThrottled === null
      ? []
      : [
          [
            `Kiosk cold start, service worker, CPU ÷${ui.cpuThrottle}`,
            // Under Playwright the entry is parsed again for the inspector's stack traces (bench/detached-chromium.ts).
            `${kioskThrottled} ms (median of 5, no DevTools session${kioskUnderPlaywright === null ? '' : `; ${kioskUnderPlaywright} ms under Playwright`})`,
            '≤ 1 s',
          ] as [string, string, string],
        ]),
  ];
}
