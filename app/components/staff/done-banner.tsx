/**
 * The green "it worked" line after a staff action redirects with `?done=<code>`. Only codes the page
 * defines are shown (own keys: `?done=__proto__` or `constructor` shows nothing instead of a 500),
 * never text from the address.
 */
export function DoneBanner({ messages, code }: { messages: Record<string, string>; code: string | undefined }) {
  if (!code || !Object.hasOwn(messages, code)) return null;
  return (
    <p role="status" className="rounded-md border border-brand bg-brand-soft p-3 text-sm" data-testid="done">
      {messages[code]}
    </p>
  );
}
