import type { Flight } from '../../../core/index.ts';
import { Select } from '../../../client/ui/Select.tsx';

/** A choice of flight, each named as the manager knows it: number, destination and gate. */
export function FlightSelect({
  flights,
  value,
  placeholder,
  onChange,
}: {
  flights: readonly Flight[];
  value: string;
  placeholder: string;
  onChange: (flightId: string) => void;
}) {
  const byId = new Map(flights.map((f) => [f.id, f]));
  const name = (id: string) => {
    const f = byId.get(id)!;
    return `${f.number} → ${f.destinationName} (gate ${f.gate})`;
  };
  return <Select value={value} options={[...byId.keys()]} label={name} placeholder={placeholder} onChange={onChange} />;
}
