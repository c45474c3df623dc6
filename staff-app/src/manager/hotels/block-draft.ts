import { parseMoney, RoomBlockPayload, decimalText, type RoomBlock, type RoomType } from '../../../../core/index.ts';
import { checkWith, typedNumber, type Checked, type FieldErrors } from '../../forms/schema-check.ts';

/** A room block as typed: one hotel, one night, one room type. */
export interface BlockDraft {
  night: string;
  type: RoomType;
  count: string;
  rate: string;
  currency: string;
}
export type BlockField = keyof BlockDraft | 'form';

const FIELDS: Record<string, BlockField> = { night: 'night', type: 'type', count: 'count', rateCents: 'rate', currency: 'currency' };

/** The form for a night and type, filled from the block the hub holds for them, if any. */
export function blockDraftOf(block: RoomBlock | undefined, night: string, type: RoomType, currency: string): BlockDraft {
  return block
    ? { night, type, count: String(block.count), rate: decimalText({ minor: block.rateCents, currency: block.currency }), currency: block.currency }
    : { night, type, count: '', rate: '', currency };
}

/** The block the form describes, checked by the schema the hub applies to `hotel.rooms` (whether allocated rooms still fit is the hub's to say). */
export function readBlockDraft(d: BlockDraft, hotelId: string): Checked<RoomBlock, BlockField> {
  const typed: FieldErrors<BlockField> = {};
  const count = typedNumber(d.count, 'count', typed);
  const currency = d.currency.trim().toUpperCase();
  const rate = parseMoney(d.rate, currency);
  if (!rate.ok) typed[/currency/.test(rate.reason) ? 'currency' : 'rate'] = rate.reason;
  const payload = { hotelId, night: d.night, type: d.type, count, rateCents: rate.ok ? rate.money.minor : NaN, currency };
  return checkWith(RoomBlockPayload, payload, (k) => (typeof k === 'string' ? (FIELDS[k] ?? 'form') : 'form'), typed);
}
