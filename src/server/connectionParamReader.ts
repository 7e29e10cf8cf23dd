/**
 * Reads a connection_init payload as headers: `{ "x-circleci-token": … }`,
 * also under `headers`, names matched without regard to case. Only strings
 * count.
 */
export function connectionParamReader(params: Readonly<Record<string, unknown>> | undefined): (name: string) => string | undefined {
  const headers = params?.['headers'];
  const nested = headers !== null && typeof headers === 'object' ? (headers as Record<string, unknown>) : {};
  return (name: string): string | undefined => {
    for (const source of [params ?? {}, nested]) {
      const match = Object.entries(source).find(([key]) => key.toLowerCase() === name);
      if (typeof match?.[1] === 'string') return match[1];
    }
    return undefined;
  };
}
