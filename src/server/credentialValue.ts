/** The longest credential value a client may send for a service. */
export const maxCredentialLength = 4096;

/**
 * Why a value a client sent as a service credential cannot be one (it would
 * break the upstream request's header, or is absurdly long), or undefined
 * when it can. Credentials are printable ASCII.
 */
export function credentialProblem(value: string): string | undefined {
  if (value.length > maxCredentialLength) return `is longer than ${maxCredentialLength} characters`;
  if (/[\r\n]/.test(value)) return 'holds a line break';
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'holds a control character';
  if (/[^\u0020-\u007e]/.test(value)) return 'holds characters other than printable ASCII';
  return undefined;
}
