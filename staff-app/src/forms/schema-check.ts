import type { z } from 'zod';

/** One message per form field: what is wrong with what was typed there. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/**
 * A form's value checked by the core schema the hub itself applies, so the tablet never sends
 * what the hub would refuse as malformed and says why next to the field. Each schema issue goes
 * to the field its path starts with (`fieldOf`); `typed` holds what could not even be read (a
 * count that is not a number) and wins over the schema's word on the same field.
 */
export function checkWith<S extends z.ZodType, F extends string>(
  schema: S,
  value: unknown,
  fieldOf: (key: PropertyKey | undefined) => F,
  typed: FieldErrors<F> = {},
): Checked<z.output<S>, F> {
  const r = schema.safeParse(value);
  const errors: FieldErrors<F> = { ...typed };
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = fieldOf(issue.path[0]);
      errors[field] ??= issue.message;
    }
  }
  return r.success && Object.keys(errors).length === 0 ? { ok: true, value: r.data } : { ok: false, errors };
}

/**
 * A number as a person types it ("12", "1,5"): NaN, with the reason in `errors`, when it is empty
 * or not a number, so the schema never reads a blank field as 0.
 */
export function typedNumber<F extends string>(text: string, field: F, errors: FieldErrors<F>): number {
  const t = text.trim();
  if (t === '') {
    errors[field] = 'required';
    return NaN;
  }
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n)) errors[field] = `“${t}” is not a number`;
  return n;
}
