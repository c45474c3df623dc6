/*
 * The kiosk's entry into core (and the sync client's, which the kiosk bundles): plain value lists,
 * the pure functions a device runs, and every type, with nothing that imports zod at run time
 * (test/core/plain-entry.test.ts walks the imports to check it). zod validates on the hub; a
 * kiosk built from this entry carries no schemas. The hub and the staff app use core/index.ts.
 */
export { SCHEMA_VERSION, LANGUAGES, NEEDS, STOCK_ITEMS, ROLES, isLanguage } from './values.ts';
export type { Language, Need, StockItem, Role } from './values.ts';
export { emptyState } from './state.ts';
export { apply, replay } from './reducer.ts';
export { trackWrites, takeWrites } from './map-writes.ts';
export { makeOp } from './make-op.ts';
export type { OpOrigin } from './make-op.ts';
export { EVENTS } from './wire.ts';
export { findFlight } from './flights.ts';
export { parseFlightNumber } from './flight-number.ts';
export { ticketFor, normaliseTicket } from './ticket.ts';
export { indexTickets, ticketsIndexed } from './ticket-index.ts';
export { parseBcbp } from './bcbp/parse.ts';
export { matchPass } from './bcbp/match.ts';
export { noticeText, noticesForGate } from './notices.ts';
export { airportTimeZone } from './airport-zone.ts';
export { airportClockIn } from './airport-clock.ts';
export { publicVouchersOf } from './public-voucher.ts';
export { passengerHotels } from './hotel-ticket.ts';
export { ROOM_TYPES } from './hotel-values.ts';
export type { RoomType } from './hotel-values.ts';
export { voucherQrText } from './voucher-code.ts';
export { airlinesInMinorUnits } from './entitlements/airline-money.ts';
export { formatMoney, moneyText, parseMoney, decimalText, minorDigits, sumMoney, timesMoney } from './money.ts';
export type { Money, MoneyResult } from './money.ts';
export { entitlementMessageKey, nextThresholdMessageKey, owedAt } from './entitlements/engine.ts';
export { entitlementsForFlight, passengerProfile } from './entitlements/for-request.ts';

export type { RedeemRefusal, RedeemRefusalCode } from './redemption.ts';
export type * from './model.ts';
export type * from './ops.ts';
export type * from './wire.ts';
export type * from './public-ticket.ts';
export type * from './wait-estimate.ts';
export type * from './notice-model.ts';
export type * from './voucher-model.ts';
export type * from './public-voucher.ts';
export type * from './outlet-voucher.ts';
export type * from './hotel-ticket.ts';
export type * from './entitlements/types.ts';
export type * from './bcbp/parse.ts';
export { spellOut, ticketAnnouncements } from './ticket-speech.ts';
export type { TicketSpeechFacts, TicketAnnouncement } from './ticket-speech.ts';
