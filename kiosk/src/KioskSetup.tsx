import { useEffect, useState } from 'react';
import { refreshHubUrls } from '../../client/hub-urls.ts';
import { enroll, gateFromUrl, type KioskEnrollment } from './enrollment.ts';
import { ErrorLine } from '../../client/ui/message-lines.tsx';
import { useHubForm } from '../../client/ui/use-hub-form.ts';

/** Shown until a duty manager enrols this screen: which gate it stands at, and their id and PIN. */
export function KioskSetup({ onEnrolled, notice }: { onEnrolled: (e: KioskEnrollment) => void; notice?: string }) {
  const [gate, setGate] = useState(gateFromUrl);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  // Every node of this airport, learnt and kept so enrolment can move to another when this one dies. Asked once the
  // screen is drawn, not before the first render (a slow kiosk's cold start); an enrolled kiosk's sync client asks itself.
  useEffect(() => {
    void refreshHubUrls(location.origin);
  }, []);
  const { busy, error, onSubmit } = useHubForm(
    async () => onEnrolled(await enroll(gate, staffId, pin)),
    () => setPin(''),
  );
  return (
    <main className="screen" data-testid="kiosk-setup">
      <h1>Kiosk set-up</h1>
      <p>A duty manager enrols this kiosk once. Passengers cannot use it before.</p>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={(e) => void onSubmit(e)}>
        <label className="field">
          Gate of this kiosk
          <input value={gate} onChange={(e) => setGate(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          Duty manager id
          <input value={staffId} onChange={(e) => setStaffId(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          Duty manager PIN
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" />
        </label>
        <ErrorLine text={error} />
        <button className="primary" type="submit" disabled={busy}>
          Enrol this kiosk
        </button>
      </form>
    </main>
  );
}
