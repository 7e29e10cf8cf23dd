/** The longest credential value a client may send for a service. */
export const maxCredentialLength = 4096;

/** What a value that is not text is, for messages: `a number`, `a list`, `null`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Why a value a client sent under a credential's name (a header, or a
 * connection_init parameter) cannot be a credential, or undefined when it
 * can. Credentials are strings of printable ASCII: a number, a boolean, a
 * list, an object or null is refused as surely as a line break, and never
 * stands for "none sent"; so is a comma, which is what a header sent twice
 * holds (Node joins the values), so neither copy is sent on. Leading and
 * trailing spaces are not part of the value (a blank one counts as not sent).
 */
export function credentialProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is ${kindOf(value)}, not a string`;
  const text = value.trim();
  if (text.length > maxCredentialLength) return `is longer than ${maxCredentialLength} characters`;
  if (/[\r\n]/.test(text)) return 'holds a line break';
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'holds a control character';
  if (/[^\u0020-\u007e]/.test(text)) return 'holds characters other than printable ASCII';
  // No service's token, key or JWT holds a comma; a header sent twice reaches here joined by one.
  if (text.includes(',')) return 'holds a comma (a header sent more than once is read as one list)';
  return undefined;
}

/**
 * Reads what a client sent under a credential's name (lower case): an HTTP
 * header's value, or a connection_init parameter as it was sent, string or
 * not; undefined when nothing was.
 */
export type CredentialReader = (name: string) => unknown;
