/** Crockford base32 without I, L, O, U: easy to read aloud and type at a kiosk. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 30 bits as six base32 characters, shown as ABC-DEF. */
function encode(bits: number): string {
  let n = bits & 0x3fffffff;
  let code = '';
  for (let i = 0; i < 6; i++) {
    code = ALPHABET[n & 31] + code;
    n >>>= 5;
  }
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** FNV-1a, 32 bits: a cheap, stable spread of a string over the ticket space. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A short ticket code derived from the request's UUID, so a kiosk can show it
 * at once even when offline. Attempt 0 uses the random tail of the UUID (30 bits);
 * further attempts, needed only when 30 bits collide, hash the UUID with the attempt.
 * Every replica derives the same sequence, so the hub and devices agree on the result.
 */
export function ticketFor(requestId: string, attempt = 0): string {
  const hex = requestId.replace(/-/g, '').toLowerCase();
  return encode(attempt === 0 ? parseInt(hex.slice(-8), 16) : fnv1a(`${hex}:${attempt}`));
}

/** Normalises what a passenger types: case, spaces, look-alike letters. */
export function normaliseTicket(input: string): string {
  const clean = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return clean.length === 6 ? `${clean.slice(0, 3)}-${clean.slice(3)}` : clean;
}
