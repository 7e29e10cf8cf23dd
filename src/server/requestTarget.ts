const base = 'http://gateway';

/**
 * The URL of a request target, or undefined when the target is not one this
 * gateway serves: only origin-form (`/path?query`) and, as HTTP/1.1 asks
 * servers to accept, absolute-form `http(s)://host/path`. `//x`, `*`,
 * `http://` and anything that does not parse are refused by the caller.
 * Never throws.
 */
export function requestTarget(raw: string | undefined): URL | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.startsWith('/')) {
    // `//host/path` would be read as a network-path reference to another host.
    if (raw.startsWith('//')) return undefined;
    return parse(raw);
  }
  if (!/^https?:\/\//i.test(raw)) return undefined;
  const absolute = parse(raw, null);
  // Only the path and query count: the answer does not depend on the host a client names.
  return absolute === undefined || absolute.host === '' ? undefined : parse(`${absolute.pathname}${absolute.search}`);
}

/** Parses against `origin`, or as an absolute URL when it is null; undefined when it does not parse or lands elsewhere. */
function parse(target: string, origin: string | null = base): URL | undefined {
  try {
    const url = origin === null ? new URL(target) : new URL(target, origin);
    return origin === null || url.origin === origin ? url : undefined;
  } catch {
    return undefined;
  }
}
