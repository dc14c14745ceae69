export interface Message {
  kind: 'info' | 'error';
  text: string;
}

/**
 * The outcome of a form, always in the page so screen readers hear it: a polite status
 * for success, an assertive alert for errors.
 */
export function FormMessage({ message }: { message: Message | null }) {
  return (
    <p role={message?.kind === 'error' ? 'alert' : 'status'} className={message?.kind === 'error' ? 'form-error' : 'form-status'}>
      {message?.text ?? ''}
    </p>
  );
}
