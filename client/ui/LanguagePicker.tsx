/** The language drop-down in an app's header (phone, outlet): each language named in its own words and tagged with its code. */
export function LanguagePicker<L extends string>({
  label,
  value,
  languages,
  onPick,
}: {
  label: string;
  value: string;
  languages: readonly { code: L; name: string }[];
  onPick: (code: L) => void;
}) {
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(e) => onPick(e.target.value as L)} aria-label={label}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
