import { useAppUpdate } from '../../client/use-app-update.ts';

/** A new version is ready: the agent chooses when to reload (unsent actions are kept either way). */
export function UpdateBanner() {
  const { updateReady, apply } = useAppUpdate(false);
  if (!updateReady) return null;
  return (
    <div role="status" className="update-banner">
      A new version of GateCare is ready. <button onClick={apply}>Reload now</button>
    </div>
  );
}
