import type { ComponentProps } from 'react';
import { OneOpForm } from '../../forms/OneOpForm.tsx';

/** The frame of every form on the Hotels tab: one operation, closed with Cancel. */
export function HotelOpForm(props: Omit<ComponentProps<typeof OneOpForm>, 'className' | 'closeLabel'>) {
  return <OneOpForm className="panel hotel-form" closeLabel="Cancel" {...props} />;
}
