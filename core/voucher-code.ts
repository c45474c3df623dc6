import type { Voucher } from './voucher-model.ts';
import { decimalText, moneyText } from './money.ts';

/** Crockford base32 without I, L, O, U, as for tickets: read aloud and typed without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A voucher code derived from the voucher's UUID (its last 40 random bits), so a
 * tablet can show it while offline; the reducer refuses the rare collision.
 */
export function voucherCode(voucherId: string): string {
  const hex = voucherId.replace(/-/g, '');
  let n = BigInt(`0x${hex.slice(-10)}`);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = ALPHABET[Number(n & 31n)] + code;
    n >>= 5n;
  }
  return `GC-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the QR code on the tablet and the kiosk ticket carries: enough for a merchant to check it. */
export function voucherQrText(v: Pick<Voucher, 'code' | 'kind' | 'amountCents' | 'currency'>): string {
  return `GATECARE-VOUCHER:${v.code}:${v.kind}:${decimalText({ minor: v.amountCents, currency: v.currency })}:${v.currency}`;
}

/** A voucher's amount as hub reasons and logs write it, "15.00 EUR". */
export function voucherAmountText(v: Pick<Voucher, 'amountCents' | 'currency'>): string {
  return moneyText({ minor: v.amountCents, currency: v.currency });
}
