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
