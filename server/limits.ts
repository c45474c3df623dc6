/** How much one device or one address may ask of the hub; generous for real use, tight for floods. */
export interface HubLimits {
  /** Socket operations per device: sustained rate and burst (an outbox replayed after a long outage). */
  opsPerSecond: number;
  opsBurst: number;
  /** Pulls per device (each reconnect pulls once; live pushes make more unnecessary). */
  pullsPerSecond: number;
  pullsBurst: number;
  /** One operation, serialised. Larger ones get a clear refusal. */
  maxOpBytes: number;
  /** One socket.io message; beyond this socket.io drops the connection rather than buffer it. */
  maxMessageBytes: number;
  /** Open sockets from one client address (a whole airport's tablets may share one behind NAT). */
  connectionsPerAddress: number;
  /** One REST body. */
  maxBodyBytes: number;
  /** REST calls under /api per client address per minute, and sign-in/enrolment attempts. */
  restPerMinute: number;
  signInPerMinute: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  opsPerSecond: 20,
  opsBurst: 200,
  pullsPerSecond: 2,
  pullsBurst: 20,
  maxOpBytes: 16 * 1024,
  // An operation is at most 16 KB; room for framing and an oversized one to be refused with a reason.
  maxMessageBytes: 64 * 1024,
  connectionsPerAddress: 256,
  maxBodyBytes: 64 * 1024,
  restPerMinute: 600,
  signInPerMinute: 60,
};
