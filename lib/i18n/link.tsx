import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import { localizedPath } from "./locale-path";

type Props = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

/**
 * A link to a donor page in the page's own language (`/campaigns/x` in English,
 * `/es/campaigns/x` in Spanish), rendered on the server: next/link with the localised address,
 * so no next-intl code reaches the browser.
 */
export async function Link({ href, ...rest }: Props) {
  const locale = await getLocale();
  return <NextLink href={localizedPath(locale, href)} {...rest} />;
}
