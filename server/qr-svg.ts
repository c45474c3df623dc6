import QRCode from 'qrcode';

/**
 * A QR code as a small SVG, built synchronously from qrcode's documented `create()` matrix so the
 * hub can put it in a push without waiting. Dark modules are one path; a white quiet zone of 4.
 */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const margin = 4;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (modules.get(y, x)) d += `M${x + margin} ${y + margin}h1v1h-1z`;
  }
  const box = size + 2 * margin;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}

const cache = new Map<string, string>();

/** Voucher codes repeat in every push of a ticket: each is encoded once (bounded, oldest dropped). */
export function cachedQrSvg(text: string): string {
  let svg = cache.get(text);
  if (!svg) {
    svg = qrSvg(text);
    if (cache.size >= 5000) cache.delete(cache.keys().next().value!);
    cache.set(text, svg);
  }
  return svg;
}
