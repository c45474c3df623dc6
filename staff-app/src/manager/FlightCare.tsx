import { useState } from 'react';
import type { Rejected, SyncClient } from '../../../client/sync-client.ts';
import { CABINS, type Cabin, type HubState, type Op } from '../../../core/index.ts';
import {
  planFlightCare,
  planCountText,
  emptyPlanReason,
  type FlightCareChoice,
  type FlightCareKind,
  type FlightCarePlan,
} from '../../../core/flight-care.ts';
import { money } from './format.ts';

const CABIN_LABEL: Record<Cabin, string> = { first: 'First', business: 'Business', premium_economy: 'Premium economy', economy: 'Economy' };

const KIND_LABEL: Record<FlightCareKind, string> = { meal: 'Meal vouchers', taxi: 'Taxi vouchers' };

/**
 * Meal vouchers for a whole listed flight (or some cabins) in one tap, and the top-ups a longer
 * delay adds. The tablet shows what the hub will decide (the same core plan); the operation carries
 * the count and total confirmed, so the hub refuses if the flight changed in between.
 */
export function FlightCare({ state, client, pending, rejected }: { state: HubState; client: SyncClient; pending: Op[]; rejected: Rejected[] }) {
  const listed = Object.values(state.flights)
    .filter((f) => state.passengerLists?.[f.id])
    .sort((a, b) => a.scheduledDeparture.localeCompare(b.scheduledDeparture));
  const [flightId, setFlightId] = useState('');
  const [kind, setKind] = useState<FlightCareKind>('meal');
  const [cabins, setCabins] = useState<Cabin[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<{ opId: string; text: string } | null>(null);
  const now = new Date().toISOString();
  const choice: FlightCareChoice = { flightId, kind, ...(cabins.length ? { cabins } : {}) };
  const planned = flightId ? planFlightCare(state, choice, now) : null;
  const topUp = flightId && kind === 'meal' ? planFlightCare(state, { flightId, topUp: true }, now) : null;
  const list = state.passengerLists?.[flightId];
  const present = new Set(list?.passengers.map((p) => p.cabin) ?? []);

  const send = async (plan: FlightCarePlan, asTopUp: boolean) => {
    const op = await client.submit({
      type: 'vouchers.issueFlight',
      payload: {
        flightId: plan.flight.id,
        kind: plan.kind,
        ...(asTopUp ? { topUp: true } : cabins.length ? { cabins } : {}),
        expect: { vouchers: plan.vouchers.length, totalMinor: plan.totalMinor },
      },
    });
    setSent({
      opId: op.id,
      text: `${asTopUp ? 'Top-up' : KIND_LABEL[plan.kind]} for ${plan.flight.number}: ${planCountText(plan)}, ${money(plan.totalMinor, plan.currency)}`,
    });
    setConfirming(false);
  };

  const refusal = sent && rejected.find((r) => r.op.id === sent.opId);
  const waiting = sent && pending.some((o) => o.id === sent.opId);
  const plan = planned?.ok ? planned.plan : null;
  const empty = plan ? emptyPlanReason(plan, choice) : null;

  return (
    <div className="import" data-testid="flight-care">
      <h3>Vouchers for a whole flight</h3>
      <p className="muted">
        Meals: every listed passenger owed a meal now gets their own voucher, bound to their boarding pass (outlets and kiosks find it by scanning the
        pass) and with its own code; amounts per cabin from the airline&apos;s rules. Taxi: where the night away is owed, one voucher there and back
        per booking, on its first passenger&apos;s pass, except parties already given a hotel shuttle (rooms themselves: the Hotels tab). Nobody gets
        the same voucher twice.
      </p>
      <label className="field">
        What to give
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as FlightCareKind);
            setConfirming(false);
          }}
        >
          <option value="meal">Meals owed now</option>
          <option value="taxi">Taxi there and back (overnight)</option>
        </select>
      </label>
      <label className="field">
        Flight with a passenger list
        <select
          value={flightId}
          onChange={(e) => {
            setFlightId(e.target.value);
            setCabins([]);
            setConfirming(false);
          }}
        >
          <option value="">Choose a flight</option>
          {listed.map((f) => (
            <option key={f.id} value={f.id}>
              {f.number} → {f.destinationName} ({state.passengerLists![f.id]!.passengers.length} listed)
            </option>
          ))}
        </select>
      </label>
      {list && (
        <fieldset className="field">
          <legend>Cabins (none ticked: the whole flight)</legend>
          {CABINS.filter((c) => present.has(c)).map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={cabins.includes(c)}
                onChange={(e) => {
                  setConfirming(false);
                  setCabins(e.target.checked ? [...cabins, c] : cabins.filter((x) => x !== c));
                }}
              />{' '}
              {CABIN_LABEL[c]}
            </label>
          ))}
        </fieldset>
      )}
      {planned && !planned.ok && (
        <p className="error" role="alert">
          {planned.reason}
        </p>
      )}
      {plan && empty && <p className="muted">{empty[0]!.toUpperCase() + empty.slice(1)}.</p>}
      {plan && !empty && !confirming && (
        <div className="import-result">
          <p data-testid="flight-care-plan">
            Owed now on {plan.flight.number}: {planCountText(plan)}, {money(plan.totalMinor, plan.currency)}
            {plan.notOwed > 0 && ` (${plan.notOwed} not owed yet)`}
            {plan.alreadyHeld > 0 && ` (${plan.alreadyHeld} already hold theirs)`}
            {plan.onShuttle > 0 && ` (${plan.onShuttle} ride a hotel shuttle)`}.
          </p>
          <ul>
            {plan.byCabin.map((c) => (
              <li key={c.cabin}>
                {CABIN_LABEL[c.cabin]}: {c.vouchers} × {money(c.amountMinor / c.vouchers, plan.currency)}
              </li>
            ))}
          </ul>
          <button className="primary" onClick={() => setConfirming(true)}>
            Issue {plan.kind === 'taxi' ? 'taxi' : 'meal'} vouchers…
          </button>
        </div>
      )}
      {plan && !empty && confirming && (
        <div className="import-result" role="group" aria-label="Confirm the whole-flight issue">
          <p data-testid="flight-care-confirm">
            Issue {planCountText(plan)} on {plan.flight.number}, {money(plan.totalMinor, plan.currency)} in all?
          </p>
          <button className="primary" onClick={() => void send(plan, false)}>
            Confirm: issue {plan.vouchers.length} vouchers ({money(plan.totalMinor, plan.currency)})
          </button>{' '}
          <button onClick={() => setConfirming(false)}>Back</button>
        </div>
      )}
      {topUp?.ok && topUp.plan.vouchers.length > 0 && (
        <p>
          <button className="primary" data-testid="flight-care-top-up" onClick={() => void send(topUp.plan, true)}>
            Top up {topUp.plan.passengers} passenger{topUp.plan.passengers === 1 ? '' : 's'} ({money(topUp.plan.totalMinor, topUp.plan.currency)})
          </button>
        </p>
      )}
      {sent && (
        <p role={refusal ? 'alert' : 'status'} className={refusal ? 'error' : 'ok'} data-testid="flight-care-status">
          {refusal
            ? `Not issued: ${refusal.reason}`
            : waiting
              ? `${sent.text}: saved on this tablet, sent to the hub as soon as it can be.`
              : `${sent.text}: issued.`}
        </p>
      )}
    </div>
  );
}
