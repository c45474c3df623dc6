/** The columns of a passenger list as airlines send it (core/passenger-import.ts reads them by name). */
export const LIST_COLUMNS = 'surname,givenName,bookingRef,cabin,seat,sequence,ssr';

/** A passenger-list CSV file: the column line, then one line a passenger. */
export function passengerListCsv(...rows: string[]): string {
  return [LIST_COLUMNS, ...rows].join('\n');
}
