/** The URL a string holds, or null when it is not an absolute URL (`URL.parse` arrives with Node 22). */
export function urlOrNull(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
