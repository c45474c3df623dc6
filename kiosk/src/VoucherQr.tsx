import { useMemo } from 'react';
// lean-qr's nano build (about 2 kB gzip) keeps the kiosk within its JavaScript budget; the kiosk draws the SVG itself.
import { correction, generate } from 'lean-qr/nano';

/** Quiet zone around the symbol, in modules: scanners need it to find the code. */
const MARGIN = 4;

/** A QR code drawn as one SVG path, sharp at any size and readable from the kiosk screen. */
export function VoucherQr({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const code = generate(text, { minCorrectionLevel: correction.M });
    let d = '';
    for (let y = 0; y < code.size; y++) {
      for (let x = 0; x < code.size; x++) {
        if (code.get(x, y)) d += `M${x + MARGIN} ${y + MARGIN}h1v1h-1z`;
      }
    }
    return { size: code.size + 2 * MARGIN, path: d };
  }, [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width="200"
      height="200"
      shapeRendering="crispEdges"
      data-testid="voucher-qr"
      data-modules={size - 2 * MARGIN}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
