import { describe, expect, it } from 'vitest';
import { TokenSigner } from '../../server/tokens.ts';
import { KioskTokenSigner } from '../../server/kiosk-tokens.ts';

const NOW = Date.parse('2026-11-23T18:00:00.000Z');
const staff = new TokenSigner('hub secret', () => NOW);
const kiosks = new KioskTokenSigner('hub secret', () => NOW);

describe('staff session and kiosk device tokens share one signed format, with separate keys', () => {
  it('each signer reads back its own tokens until they expire', () => {
    const s = staff.issue('A101', 'agent');
    expect(staff.verify(s.token)).toMatchObject({ sub: 'A101', role: 'agent' });
    expect(staff.verify(s.token, Date.parse(s.expiresAt))).toBeNull();
    const k = kiosks.issue('kiosk-test-0001', 'K32', 'M201');
    expect(kiosks.verify(k.token)).toMatchObject({ device: 'kiosk-test-0001', gate: 'K32' });
    expect(kiosks.verify(k.token, Date.parse(k.expiresAt))).toBeNull();
  });

  it('neither kind of token stands in for the other, nor one signed with another secret', () => {
    expect(kiosks.verify(staff.issue('A101', 'agent').token)).toBeNull();
    expect(staff.verify(kiosks.issue('kiosk-test-0001', 'K32', 'M201').token)).toBeNull();
    expect(staff.verify(new TokenSigner('another hub', () => NOW).issue('A101', 'agent').token)).toBeNull();
  });

  it('refuses altered, padded and malformed tokens', () => {
    const { token } = staff.issue('A101', 'agent');
    const [body, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ sub: 'M201', role: 'duty_manager', exp: NOW + 3600_000 })).toString('base64url');
    for (const bad of [`${forged}.${sig}`, `${token}.extra`, body, '', 'x'.repeat(2000), 42, null]) expect(staff.verify(bad)).toBeNull();
  });

  it('a revoked subject or device is refused although the signature holds', () => {
    const revokedStaff = new TokenSigner(
      'hub secret',
      () => NOW,
      (sub) => sub === 'A101',
    );
    expect(revokedStaff.verify(staff.issue('A101', 'agent').token)).toBeNull();
    const revokedKiosk = new KioskTokenSigner(
      'hub secret',
      () => NOW,
      (device) => device === 'kiosk-test-0001',
    );
    expect(revokedKiosk.verify(kiosks.issue('kiosk-test-0001', 'K32', 'M201').token)).toBeNull();
  });
});
