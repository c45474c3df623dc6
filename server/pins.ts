import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pin: string, salt: Buffer, len: number) => Promise<Buffer>;

export interface PinHash {
  salt: string;
  hash: string;
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await scrypt(pin, salt, 32);
  return { salt: salt.toString('hex'), hash: hash.toString('hex') };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const hash = await scrypt(pin, Buffer.from(stored.salt, 'hex'), 32);
  return timingSafeEqual(hash, Buffer.from(stored.hash, 'hex'));
}
