import { useKioskTranslation } from './use-kiosk-translation.ts';

/** Scales every size on the kiosk (all in rem), for passengers who need larger text. */
export function TextSizeToggle({ large, onChange }: { large: boolean; onChange: (large: boolean) => void }) {
  const { t } = useKioskTranslation();
  return (
    <button className="text-size" aria-pressed={large} onClick={() => onChange(!large)}>
      <span aria-hidden="true">A+ </span>
      {t('text.larger')}
    </button>
  );
}
