/**
 * Runs a bench child's work: the parent may ask it to exit at any time, and a failure
 * shows its error and ends the child with a non-zero code the parent reports.
 */
export function runChild(main: () => Promise<void>): void {
  process.on('message', (m) => {
    if ((m as { cmd?: string }).cmd === 'exit') process.exit(0);
  });
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
