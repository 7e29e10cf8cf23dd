import type { CredentialReader } from './credentialValue.js';

/**
 * Reads a connection_init payload as headers: `{ "x-circleci-token": … }`,
 * also under `headers`, names matched without regard to case. A value is
 * returned as sent, string or not, so that a credential that is not a
 * string is refused (see credentialProblem) rather than taken as none;
 * when a name is sent more than once, a value that is not a string wins.
 */
export function connectionParamReader(params: Readonly<Record<string, unknown>> | undefined): CredentialReader {
  const headers = params?.['headers'];
  const nested = headers !== null && typeof headers === 'object' ? (headers as Record<string, unknown>) : {};
  return (name: string): unknown => {
    const sent = [params ?? {}, nested].flatMap((source) => Object.entries(source).filter(([key]) => key.toLowerCase() === name).map(([, value]) => value));
    const notText = sent.findIndex((value) => typeof value !== 'string');
    return sent[notText === -1 ? 0 : notText];
  };
}
