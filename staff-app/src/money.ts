/** Reads what an agent types ("15", "15.5", "15,50") as cents; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const m = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function amountText(cents: number): string {
  return (cents / 100).toFixed(2);
}
