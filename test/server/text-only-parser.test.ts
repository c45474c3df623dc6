import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { encodeOnce, textOnlyParser, withJson } from '../../server/text-only-parser.ts';

const PACKETS: Packet[] = [
  {
    type: PacketType.EVENT,
    nsp: '/',
    data: ['entries', { v: 1, after: 3, upTo: 5, entries: [{ seq: 4, op: { id: 'x', payload: { note: 'é "quoted" 日本' } } }] }],
  },
  { type: PacketType.ACK, nsp: '/', id: 17, data: [{ v: 1, opId: 'a', ok: true, seq: 9 }] },
  { type: PacketType.EVENT, nsp: '/phone', data: ['ticket', { view: null, list: [1, 2, [3, { deep: true }]] }] },
  { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } },
];

describe("the hub's text-only socket.io encoder", () => {
  it('writes exactly what the standard encoder writes, so devices decode it with the standard parser', () => {
    const mine = new textOnlyParser.Encoder();
    const standard = new Encoder();
    for (const p of PACKETS) {
      const out = mine.encode(p);
      expect(out).toEqual(standard.encode(p));
      const decoded: unknown[] = [];
      const decoder = new Decoder();
      decoder.on('decoded', (d: unknown) => decoded.push(d));
      for (const chunk of out) decoder.add(chunk);
      expect(decoded).toEqual([expect.objectContaining({ type: p.type, nsp: p.nsp, data: p.data })]);
    }
  });

  it('writes an answer encoded once for many sockets exactly as the standard encoder writes it', () => {
    const page = encodeOnce({ v: 1, kind: 'entries', entries: [{ seq: 4, op: { id: 'x', payload: { note: 'é "quoted" 日本' } } }], upTo: 4 });
    const mine = new textOnlyParser.Encoder();
    const standard = new Encoder();
    for (const p of [
      { type: PacketType.ACK, nsp: '/', id: 17, data: [page] },
      { type: PacketType.ACK, nsp: '/phone', id: 3, data: [page] },
    ]) {
      expect(mine.encode(p)).toEqual(standard.encode(p));
    }
  });

  it('writes a push encoded once for many sockets exactly as the standard encoder writes it', () => {
    const push = encodeOnce({ v: 1, after: 3, entries: [{ seq: 4, op: { id: 'x', payload: { note: 'é "quoted" 日本' } } }], upTo: 4 });
    for (const p of [
      { type: PacketType.EVENT, nsp: '/', data: ['entries', push] },
      { type: PacketType.EVENT, nsp: '/phone', data: ['ticket "view"', push] },
    ]) {
      expect(new textOnlyParser.Encoder().encode(p)).toEqual(new Encoder().encode(p));
    }
  });

  it('sends the text given with a message instead of encoding the message again, for events as for acknowledgements', () => {
    // Text that differs from the value only so the test can tell which one was sent.
    const value = withJson({ v: 1 }, '{"v":1,"built":"once"}');
    const mine = new textOnlyParser.Encoder();
    expect(mine.encode({ type: PacketType.EVENT, nsp: '/', data: ['entries', value] })).toEqual(['2["entries",{"v":1,"built":"once"}]']);
    expect(mine.encode({ type: PacketType.ACK, nsp: '/', id: 5, data: [value] })).toEqual(['35[{"v":1,"built":"once"}]']);
    // An event with more than one argument is encoded whole, as the standard encoder does.
    expect(mine.encode({ type: PacketType.EVENT, nsp: '/', data: ['entries', value, 2] })).toEqual(['2["entries",{"v":1},2]']);
  });
});
