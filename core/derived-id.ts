/**
 * A UUID (version 8, RFC 9562) derived from a text, the same on every device: an operation that
 * creates many records (a whole flight's vouchers) names them from its own id, so the hub and every
 * tablet replaying it create the very same ids. Four 32-bit FNV-1a lanes with different seeds; not
 * a secret, only spread: voucher codes take their last 40 bits.
 */
export function derivedUuid(text: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (let l = 0; l < 4; l++) {
    let h = lanes[l]! ^ l;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    // A final mix so neighbouring texts ("…|41", "…|42") differ in every bit.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    lanes[l] = h >>> 0;
  }
  const hex = lanes.map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
