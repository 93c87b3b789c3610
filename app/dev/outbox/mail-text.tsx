/**
 * A mail's text as the outbox shows it: the app's own links (sign-in, "My gifts", stop-monthly,
 * invitations) are clickable, as in a mail program; any other URL in it stays plain text, so
 * something a donor or staff member typed into a mail never becomes a link here.
 */
const URL_IN_TEXT = /(https?:\/\/[^\s<>"]+)/;

export function MailText({ text, origin }: { text: string; origin: string }) {
  return (
    <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">
      {text.split(URL_IN_TEXT).map((part, i) =>
        i % 2 === 1 && part.startsWith(`${origin}/`) ? (
          <a key={i} href={part} className="text-brand underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}
