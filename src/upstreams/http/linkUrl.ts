/**
 * The URL of one `rel` in an RFC 8288 `Link` header (`<…>; rel="next", …`),
 * or null. What the URL means (a page number, a keyset position) is each
 * service's own concern.
 */
export function linkUrl(link: string | undefined, rel: string): string | null {
  if (link === undefined) return null;
  for (const part of link.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match === null) continue;
    const rels = /rel="?([^";]+)"?/.exec(match[2] as string)?.[1]?.split(/\s+/) ?? [];
    if (rels.includes(rel)) return match[1] as string;
  }
  return null;
}
