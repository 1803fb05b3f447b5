/** The API's validation messages for one field, shown under it. */
export function FieldErrors({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul className="space-y-0.5 text-xs text-rose-700 dark:text-rose-300">
      {messages.map((message) => <li key={message}>{message}</li>)}
    </ul>
  );
}

export type FieldErrorMap = Record<string, string[]>;
