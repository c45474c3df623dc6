import { Emitter } from '@socket.io/component-emitter';

/**
 * socket.io's packet format for text only, in place of socket.io-parser in the kiosk's build
 * (client/text-socket-parser-plugin.ts): the hub sends devices JSON alone (server/text-only-parser.ts)
 * and the sync client sends operations and questions as JSON, so the parser's binary attachments,
 * its search for binary in every packet and its reconstructor are code a kiosk never runs (about
 * 2 kB gzip of a budget with none to spare). Same strings on the wire as socket.io-parser for every
 * text packet (test/client/text-socket-parser.test.ts checks both ways against it); a binary packet
 * is refused with a clear error rather than misread.
 */
export const protocol = 5;

export const PacketType = { CONNECT: 0, DISCONNECT: 1, EVENT: 2, ACK: 3, CONNECT_ERROR: 4, BINARY_EVENT: 5, BINARY_ACK: 6 } as const;

export interface Packet {
  type: number;
  nsp: string;
  data?: unknown;
  id?: number;
}

const RESERVED_EVENTS = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];

const isObject = (v: unknown): boolean => Object.prototype.toString.call(v) === '[object Object]';

function payloadValid(type: number, payload: unknown): boolean {
  switch (type) {
    case PacketType.CONNECT:
      return isObject(payload);
    case PacketType.DISCONNECT:
      return payload === undefined;
    case PacketType.CONNECT_ERROR:
      return typeof payload === 'string' || isObject(payload);
    case PacketType.EVENT:
      return Array.isArray(payload) && (typeof payload[0] === 'number' || (typeof payload[0] === 'string' && !RESERVED_EVENTS.includes(payload[0])));
    case PacketType.ACK:
      return Array.isArray(payload);
  }
  return false;
}

const binaryRefused = (): Error => new Error('binary socket.io packets are not used between GateCare devices and the hub');

export class Encoder {
  encode(packet: Packet): string[] {
    if (packet.type === PacketType.BINARY_EVENT || packet.type === PacketType.BINARY_ACK) throw binaryRefused();
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += packet.nsp + ',';
    if (packet.id != null) text += packet.id;
    if (packet.data !== undefined) text += JSON.stringify(packet.data);
    return [text];
  }
}

/** type, namespace (up to a comma or the end), acknowledgement id, JSON. */
const PACKET = /^([0-4])(?:(\/[^,]*)(?:,|$))?(\d*)([\s\S]*)$/;

export class Decoder extends Emitter<Record<string, never>, Record<string, never>, { decoded: (packet: Packet) => void }> {
  add(text: unknown): void {
    if (typeof text !== 'string') throw binaryRefused();
    if (text[0] === '5' || text[0] === '6') throw binaryRefused();
    // socket.io-parser reads the type as Number(first character), which makes an empty string, or one
    // starting with a blank, a CONNECT: read alike, so both parsers take and refuse the same strings.
    const m = PACKET.exec(text === '' || text[0]!.trim() === '' ? `0${text.slice(1)}` : text);
    if (!m) throw new Error(`unknown packet type ${text[0]}`);
    const packet: Packet = { type: Number(m[1]), nsp: m[2] ?? '/' };
    if (m[3]) packet.id = Number(m[3]);
    if (m[4]) {
      let payload: unknown;
      try {
        payload = JSON.parse(m[4]);
      } catch {
        payload = false;
      }
      if (!payloadValid(packet.type, payload)) throw new Error('invalid payload');
      packet.data = payload;
    }
    this.emitReserved('decoded', packet);
  }

  destroy(): void {}
}
