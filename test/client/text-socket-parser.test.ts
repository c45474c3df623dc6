import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as reference from 'socket.io-parser';
import { Decoder, Encoder, PacketType, protocol, type Packet } from '../../client/text-socket-parser.ts';

interface AnyDecoder {
  on(event: 'decoded', listener: (p: Packet) => void): unknown;
  add(text: string): void;
}

/** What a parser's decoder makes of a string, or the message it refuses it with. */
function decodeWith(decoder: AnyDecoder, text: string): Packet | string {
  let out: Packet | string = 'nothing decoded';
  decoder.on('decoded', (p: Packet) => (out = p));
  try {
    decoder.add(text);
  } catch (e) {
    out = (e as Error).message;
  }
  return out;
}

const referenceDecode = (text: string): Packet | string => decodeWith(new reference.Decoder() as AnyDecoder, text);
const decode = (text: string): Packet | string => decodeWith(new Decoder() as AnyDecoder, text);

const nsp = fc.constantFrom('/', '/phone', '/a-b');
const id = fc.option(fc.nat({ max: 1e9 }), { nil: undefined });
const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const eventName = fc
  .string()
  .filter((s) => !['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(s));
/** Every text packet a device and the hub exchange: connect (with auth), events and acks with JSON, errors, disconnect. */
const packet: fc.Arbitrary<Packet> = fc.oneof(
  fc.record({ type: fc.constant(PacketType.CONNECT), nsp, data: fc.dictionary(fc.string(), json) }),
  fc.record({ type: fc.constant(PacketType.DISCONNECT), nsp }),
  fc.record({ type: fc.constant(PacketType.EVENT), nsp, id, data: fc.tuple(eventName, fc.array(json, { maxLength: 3 })).map(([e, a]) => [e, ...a]) }),
  fc.record({ type: fc.constant(PacketType.ACK), nsp, id: fc.nat({ max: 1e9 }), data: fc.array(json, { maxLength: 3 }) }),
  fc.record({ type: fc.constant(PacketType.CONNECT_ERROR), nsp, data: fc.oneof(fc.string(), fc.record({ message: fc.string(), data: json })) }),
);
const withoutUndefined = (p: Packet): Packet => JSON.parse(JSON.stringify(p)) as Packet;

describe("the kiosk's text-only socket.io parser", () => {
  it('writes every text packet exactly as socket.io-parser does, and reads back the same packet', () => {
    expect(protocol).toBe(reference.protocol);
    fc.assert(
      fc.property(packet, (p) => {
        const text = new Encoder().encode(p);
        expect(text).toEqual(new reference.Encoder().encode(p));
        expect(decode(text[0]!)).toEqual(referenceDecode(text[0]!));
        expect(decode(text[0]!)).toEqual(withoutUndefined({ ...p, nsp: p.nsp }));
      }),
    );
  });

  it('reads any string as socket.io-parser does, refusing what it refuses', () => {
    for (const text of ['', ' ', '\t/phone,', ' 2["x"]', '\u00a01']) expect(decode(text)).toEqual(referenceDecode(text));
    const framed = fc.tuple(
      fc.constantFrom('0', '1', '2', '3', '4', '7', 'x', '', ' '),
      fc.constantFrom('', '/', '/phone,', '/phone'),
      fc.string({ unit: fc.constantFrom('1', '2', '[', ']', '{', '}', '"', ',', 'a', ':') }),
    );
    fc.assert(
      fc.property(framed, ([type, space, rest]) => {
        const text = type + space + rest;
        const ours = decode(text);
        const theirs = referenceDecode(text);
        if (typeof theirs === 'string') expect(typeof ours).toBe('string');
        else expect(ours).toEqual(theirs);
      }),
    );
  });

  it('refuses a binary packet with a clear error instead of misreading it', () => {
    expect(decode('51-["scan",{"_placeholder":true,"num":0}]')).toMatch(/binary socket.io packets are not used/);
    expect(() => new Encoder().encode({ type: PacketType.BINARY_EVENT, nsp: '/', data: ['x'] })).toThrow(/binary/);
    expect(decode(new Uint8Array([1]) as unknown as string)).toMatch(/binary/);
  });
});
