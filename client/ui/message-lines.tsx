/** What a line is given: its text, or nothing to show (a flag that is off, an empty string). */
type Text = string | false | null | undefined;

/** A problem, said at once by speech and screen readers as it appears (role alert); nothing when there is none. */
export function ErrorLine({ text, testId, className }: { text: Text; testId?: string; className?: string }) {
  if (!text) return null;
  return (
    <p role="alert" className={className ? `error ${className}` : 'error'} data-testid={testId}>
      {text}
    </p>
  );
}

/** The outcome of an action, said politely after what is being said (role status); nothing when there is none. */
export function OkLine({ text, testId }: { text: Text; testId?: string }) {
  if (!text) return null;
  return (
    <p role="status" className="ok" data-testid={testId}>
      {text}
    </p>
  );
}
