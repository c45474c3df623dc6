import { useKioskTranslation } from './use-kiosk-translation.ts';
import { CameraScan } from '../../client/ui/CameraScan.tsx';

/** The shared camera scan in the passenger's language: it reads the boarding pass's barcode. */
export function KioskCamera({ onScan }: { onScan: (text: string) => void }) {
  const { t } = useKioskTranslation();
  return (
    <CameraScan onScan={onScan} words={{ start: t('camera.start'), stop: t('camera.stop'), hint: t('camera.hint'), error: t('camera.error') }} />
  );
}
