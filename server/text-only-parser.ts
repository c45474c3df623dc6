import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

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
    return [(this as unknown as { encodeAsString(p: Packet): string }).encodeAsString(obj)];
  }
}

export const textOnlyParser = { Encoder: TextEncoder, Decoder };
