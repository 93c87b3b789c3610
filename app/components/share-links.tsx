import { CopyLinkButton } from "./copy-link-button";

/** Plain links only: no third-party scripts ever load on a campaign page. */
export function ShareLinks({
  url,
  text,
  labels,
}: {
  url: string;
  text: string;
  labels: { heading: string; copy: string; copied: string; email: string };
}) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(text);
  const links = [
    { name: labels.email, href: `mailto:?subject=${t}&body=${t}%0A%0A${u}` },
    { name: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: "Bluesky", href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${text} ${url}`)}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}` },
  ];
  const chip =
    "inline-block rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand hover:bg-brand-soft";
  return (
    <section aria-labelledby="share-heading">
      <h2 id="share-heading" className="mb-2 text-lg font-semibold">
        {labels.heading}
      </h2>
      <ul className="flex flex-wrap gap-2">
        <li>
          <CopyLinkButton url={url} label={labels.copy} copied={labels.copied} className={chip} />
        </li>
        {links.map((l) => (
          <li key={l.name}>
            <a href={l.href} className={chip} target="_blank" rel="noopener noreferrer">
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
