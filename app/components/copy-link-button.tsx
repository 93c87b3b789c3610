"use client";
import { useState } from "react";

export function CopyLinkButton({
  url,
  label,
  copied,
  className,
}: {
  url: string;
  label: string;
  copied: string;
  className: string;
}) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className={className}
      onClick={async () => {
        await navigator.clipboard?.writeText(url).catch(() => undefined);
        setDone(true);
      }}
    >
      <span aria-live="polite">{done ? copied : label}</span>
    </button>
  );
}
