/**
 * A drop-down of values: each option shows `label(value)` (the value itself without it), and `placeholder`,
 * when given, is a first empty choice that means "none chosen yet". Shared by the staff app and the outlet.
 */
export function Select<T extends string>({
  value,
  options,
  label = (v) => v,
  placeholder,
  onChange,
}: {
  value: T | '';
  options: readonly T[];
  label?: (value: T) => string;
  placeholder?: string;
  onChange: (value: T) => void;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as T)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
