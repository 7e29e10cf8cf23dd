// What application/x-www-form-urlencoded leaves as it is: ASCII letters, digits and * - . _
const unreserved = /^[A-Za-z0-9*\-._]*$/;
// What encodeURIComponent leaves as it is but the form encoding does not.
const componentOnly = /[!'()~]/g;

// A UTF-16 surrogate without its pair: URLSearchParams writes U+FFFD for it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const percent = (character: string): string => `%${character.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * A name or value as `URLSearchParams` writes it (the WHATWG
 * application/x-www-form-urlencoded serializer): UTF-8 percent-encoded
 * except ASCII letters, digits and `*-._`, a space as `+`, an unpaired
 * surrogate as U+FFFD. The same text without making a `URLSearchParams`
 * per call, and none of the work for the usual plain value.
 */
export function formEncoded(text: string): string {
  if (unreserved.test(text)) return text;
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(loneSurrogate, '\uFFFD'));
  }
  return encoded.replace(componentOnly, percent).replace(/%20/g, '+');
}

/** A query parameter's value: absent (undefined, null), one value, or a list sent as the name repeated. */
type FormValue = string | number | boolean | null | undefined | readonly (string | number)[];

/**
 * The query string (without `?`) of `query`'s parameters named in `names`,
 * in that order, as `URLSearchParams` writes it: absent values left out, a
 * list as the name repeated, each name and value {@link formEncoded}.
 */
export function formQuery(query: Readonly<Record<string, FormValue>>, names: readonly string[]): string {
  let search = '';
  for (const name of names) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const key = formEncoded(name);
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[]) search += `${search === '' ? '' : '&'}${key}=${formEncoded(String(item))}`;
    } else {
      search += `${search === '' ? '' : '&'}${key}=${formEncoded(String(value))}`;
    }
  }
  return search;
}
