/**
 * Moves a lowdb data directory into PostgreSQL, as one airport of a cluster.
 *
 *   GATECARE_DATABASE_URL=postgres://… npm run migrate:to-postgres -- --data ./data [--airport main]
 *
 * Stop the hub first. The directory is read, never changed; the import is one transaction and
 * is checked by replaying the log read back from the database.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importLowdb } from '../server/pg/import-lowdb.ts';
import { DEFAULT_AIRPORT } from '../server/config.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      'database-url': { type: 'string' },
      airport: { type: 'string' },
    },
  });
  const url = values['database-url'] ?? process.env.GATECARE_DATABASE_URL;
  if (!values.data) throw new Error('say which data directory to move: --data ./data');
  if (!url) throw new Error('say where PostgreSQL is: GATECARE_DATABASE_URL=postgres://… or --database-url');
  const airport = values.airport ?? process.env.GATECARE_AIRPORT ?? DEFAULT_AIRPORT;
  const report = await importLowdb(resolve(values.data), url, airport);
  console.log(
    `Moved ${report.entries} operations and ${report.rejections} refusals of ${resolve(values.data)} into airport ${report.airport} (seq ${report.seq}); ` +
      `the log read back replays to the same state. Start the hubs with GATECARE_DATABASE_URL and GATECARE_AIRPORT=${report.airport}.`,
  );
}

main().catch((e: unknown) => {
  console.error(`GateCare: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
