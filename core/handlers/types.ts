import type { HubState, Role } from '../model.ts';
import type { OpBody, OpOf, OpType } from '../ops.ts';
import type { Outcome } from '../outcome.ts';

export interface ApplyContext {
  /** Sequence number this operation gets if accepted. */
  seq: number;
  /** Hub time of acceptance. */
  at: string;
  /**
   * Set only by a caller that owns `state` and never reads the old version again (the hub):
   * request and voucher updates then go into the existing maps instead of copies, so an
   * operation costs the same with 30 requests or 30,000. Rejections never modify anything.
   */
  inPlace?: boolean;
}

export type Handler<T extends OpType> = (state: HubState, op: OpOf<T>, ctx: ApplyContext) => Outcome;

export type PayloadOf<T extends OpType> = Extract<OpBody, { type: T }>['payload'];

/** Who may submit an operation: a kiosk, a staff member by role, or the hub itself. */
export type Submitter = 'kiosk' | Role | 'system';

/** The request an operation concerns, as far as deciding who sees it goes. */
export interface RequestScope {
  gate: string;
  device: string;
}

/**
 * What a kiosk (a public screen) receives of an operation it may see: the whole of it, or a copy
 * without personal data or staff remarks. Staff always receive operations whole.
 */
export type KioskForm<T extends OpType> = 'whole' | ((payload: PayloadOf<T>) => PayloadOf<T>);

/** Who receives an accepted operation. There is deliberately no fallback: each operation says. */
export type Visibility<T extends OpType> =
  /** Every device: reference data (gates, flights, policy, revealed notices) kiosks and tablets both hold. */
  | { to: 'everyone'; kiosk: KioskForm<T> }
  /** Staff only; kiosks never receive it. */
  | { to: 'staff' }
  /**
   * Whoever may see the request it concerns: its gate's agents, duty managers, the kiosk that asked.
   * `scope` null (the request is unknown to this state) falls back to everyone, as the log only
   * holds accepted operations, which always found their request.
   */
  | { to: 'request'; scope: (state: HubState, op: OpOf<T>) => RequestScope | null; kiosk: KioskForm<T> };

/** The records whose passengers' personal data a purge blanked: what the log must forget too (core/purge-log.ts). */
export interface PurgedRecords {
  requests: ReadonlySet<string>;
  vouchers: ReadonlySet<string>;
  /** Flights whose passenger lists went. */
  flights: ReadonlySet<string>;
  /** Overspend conflicts on the purged vouchers (their settlement notes went). */
  conflicts: ReadonlySet<string>;
}

/** The payload keys that hold text. */
export type TextKey<P> = { [K in keyof P]-?: NonNullable<P[K]> extends string ? K : never }[keyof P] & string;

/**
 * What a passenger purge blanks of a logged operation, so the log forgets what the state forgot
 * (core/personal-data.ts). There is deliberately no fallback: an operation that carries a name or
 * anything written about a passenger says which texts go, or it does not compile.
 */
export type PurgeRule<T extends OpType> =
  /** Nothing in the payload names a passenger or was written about one: ids, counts, times, reference data, staff records. */
  | 'no passenger data'
  /** These texts (those present) are blanked when the record the operation concerns was purged (`of`). */
  | { texts: readonly TextKey<PayloadOf<T>>[]; of: (payload: PayloadOf<T>, purged: PurgedRecords) => boolean }
  /** Personal data that is not a flat text (a passenger list): the payload blanked, or the same payload when not purged. */
  | { blank: (payload: PayloadOf<T>, purged: PurgedRecords) => PayloadOf<T> };

/** Everything the system knows about one operation type besides its payload schema (ops.ts). */
export interface OpSpec<T extends OpType> {
  submitters: readonly Submitter[];
  handler: Handler<T>;
  visibility: Visibility<T>;
  purge: PurgeRule<T>;
}

/** A handler family's entries; the registry (core/registry.ts) joins the families. */
export type OpSpecs<K extends OpType> = { [T in K]: OpSpec<T> };

/** Every operation type with every part: the compiler refuses an operation missing one. */
export type OpRegistry = OpSpecs<OpType>;
