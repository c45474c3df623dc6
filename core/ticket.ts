/** Crockford base32 without I, L, O, U: easy to read aloud and type at a kiosk. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short ticket code derived from the request's UUID, so a kiosk can show it
 * at once even when offline. Uses the random tail of the UUID (30 bits).
 */
export function ticketFor(requestId: string): string {
  const hex = requestId.replace(/-/g, '');
  let n = parseInt(hex.slice(-8), 16) & 0x3fffffff;
  let code = '';
  for (let i = 0; i < 6; i++) {
    code = ALPHABET[n & 31] + code;
    n >>>= 5;
  }
  return `${code.slice(0, 3)}-${code.slice(3)}`;
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
