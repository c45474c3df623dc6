import { configFromEnv } from './config.ts';
import { startHub } from './app.ts';
import { DEMO_STAFF } from './demo-airport.ts';
import { DEMO_OUTLET_MANAGER, DEMO_OUTLETS } from './demo-outlets.ts';
import { demoPass } from './demo-passengers.ts';
import { outletActive } from '../core/index.ts';

async function main(): Promise<void> {
  const config = configFromEnv();
  const hub = await startHub(config, { log: process.env.GATECARE_LOG === '1' });
  // Before anything else: a stop request right after start must still flush and exit cleanly.
  const stop = async (): Promise<void> => {
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const port = (hub.app.server.address() as { port: number }).port;
  console.log(`GateCare hub on http://localhost:${port}  (data: ${config.dataDir})`);
  console.log(`  kiosk:  http://localhost:${port}/kiosk/?gate=K32`);
  console.log(`  staff:  http://localhost:${port}/staff/`);
  if (config.seedDemo) {
    console.log('  demo staff (id / PIN / role):');
    for (const s of DEMO_STAFF) console.log(`    ${s.id} / ${s.pin} / ${s.role} ${s.firstName} ${s.lastName}`);
    console.log('  demo outlets (each link enrols a browser as that outlet):');
    for (const o of DEMO_OUTLETS) {
      const outlet = hub.hub.current.outlets?.[o.outletId];
      if (!outlet || !outletActive(outlet)) continue;
      const { token } = hub.outletTokens.issue(outlet.id, DEMO_OUTLET_MANAGER);
      console.log(`    ${outlet.name}: http://localhost:${port}/outlet/#token=${token}`);
    }
    const af1634 = Object.values(hub.hub.current.flights).find((f) => f.number === 'AF1634');
    if (af1634 && hub.hub.current.passengerLists?.[af1634.id]) {
      console.log("  a listed passenger's boarding pass (type it quickly into the kiosk or an outlet):");
      console.log(`    ${demoPass(af1634.scheduledDeparture)}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
