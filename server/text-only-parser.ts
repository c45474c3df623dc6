import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/** Answers sent as they are to many sockets, with their JSON (see encodeOnce). */
const encoded = new WeakMap<object, string>();

/**
 * Encodes `value` now and has every packet carrying it as its only argument (an acknowledgement sent to
 * many devices) use that text, rather than encoding it again for each socket. `value` must not change after.
 */
export function encodeOnce<T extends object>(value: T): T {
  return withJson(value, JSON.stringify(value));
}

/**
 * Has every packet carrying `value` as its only argument (an acknowledgement, or an event's one
 * argument after its name) use `json`, text the caller already built
 * (a push assembled from entries each encoded once for all the viewers it goes to). `json` must be
 * exactly what `JSON.stringify(value)` gives, and `value` must not change after.
 */
export function withJson<T extends object>(value: T, json: string): T {
  encoded.set(value, json);
  return value;
}

/**
 * socket.io's parser, minus the search for binary in every outgoing packet: the hub only ever sends
 * JSON (entries, snapshots, acks), and that recursive walk cost as much CPU as the encoding itself
 * when a surge pushed to hundreds of tablets and a reconnect storm answered snapshots. The bytes on
 * the wire are the same, so devices keep the standard parser.
 */
class TextEncoder extends Encoder {
  override encode(obj: Packet): string[] {
    if (obj.type === PacketType.BINARY_EVENT || obj.type === PacketType.BINARY_ACK) return super.encode(obj) as string[];
    // The parser's own string encoding (private in its types, public in its code since 4.0), so the format stays theirs.
    const asString = (p: Packet): string => (this as unknown as { encodeAsString(p: Packet): string }).encodeAsString(p);
    const data: unknown = obj.data;
    // An acknowledgement's data is its arguments; an event's starts with the event's name.
    const named = obj.type === PacketType.EVENT && Array.isArray(data) && data.length === 2 && typeof data[0] === 'string';
    const only: unknown = named ? data[1] : Array.isArray(data) && data.length === 1 ? data[0] : undefined;
    const json = typeof only === 'object' && only !== null ? encoded.get(only) : undefined;
    if (json === undefined) return [asString(obj)];
    // The packet's head in the parser's format, then its data as `JSON.stringify(data)` would write it.
    const head = asString({ ...obj, data: undefined });
    return [named ? `${head}[${JSON.stringify(data[0])},${json}]` : `${head}[${json}]`];
  }
}

export const textOnlyParser = { Encoder: TextEncoder, Decoder };
