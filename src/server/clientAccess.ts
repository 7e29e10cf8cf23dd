import { serviceSettings, type Config } from '../config/config.js';
import { serviceLabels, serviceNames, type ServiceName } from '../config/ServiceName.js';
import { GatewayError } from '../errors/GatewayError.js';
import { apiKeyHeader, unauthorized, type ClientAuth } from './auth/ClientAuth.js';
import { credentialProblem, type CredentialReader } from './credentialValue.js';

/** Where a client's credentials come from, for messages: HTTP headers, or the WebSocket connection_init payload. */
export type CredentialSource = 'header' | 'connection parameter';

/**
 * The credentials of one request: the client's header wins over the
 * configured token. A value sent that cannot be a credential (not a string,
 * a line break, a control character, anything but printable ASCII, absurd
 * length) refuses the request as UNAUTHENTICATED naming the header, before
 * any upstream call: it never stands for "none sent", so it is never
 * replaced by the configured token. A blank value is none sent.
 */
export function credentialsOf(
  config: Config,
  read: CredentialReader,
  source: CredentialSource = 'header',
  /** Fall back to the configured tokens (false for a caller that may not use them). */
  useConfigured = true,
): Partial<Record<ServiceName, string>> {
  const credentials: Partial<Record<ServiceName, string>> = {};
  for (const service of serviceNames) {
    const { header } = serviceSettings[service];
    const sent = read(header);
    const problem = sent === undefined ? undefined : credentialProblem(sent);
    if (problem !== undefined) {
      throw new GatewayError('UNAUTHENTICATED', `The ${header} ${source} ${problem}, so it cannot be a ${serviceLabels[service]} credential`, {
        service,
        http: unauthorized,
      });
    }
    const text = typeof sent === 'string' ? sent.trim() : '';
    const token = text !== '' ? text : useConfigured ? config.services[service]?.token : undefined;
    if (token !== undefined) credentials[service] = token;
  }
  return credentials;
}

/** The names a caller authenticates to the gateway with, which are credentials too. */
const callerCredentialNames = [apiKeyHeader, 'authorization'] as const;

/**
 * The service credentials one request (or WebSocket connection) may use.
 * Each credential a client sends is checked first. With client
 * authentication on, a caller that presents no API key or JWT is anonymous:
 * only the credentials it sends itself are used (the configured tokens never
 * are), and one that sends none is refused with 401 UNAUTHENTICATED. A key
 * or token that is presented and wrong is refused outright.
 */
export async function clientCredentials(
  config: Config,
  auth: ClientAuth,
  read: CredentialReader,
  source: CredentialSource,
): Promise<Partial<Record<ServiceName, string>>> {
  // An API key or bearer token that is not text is refused, whether or not this gateway checks them.
  for (const name of callerCredentialNames) {
    const sent = read(name);
    if (sent !== undefined && typeof sent !== 'string') throw new GatewayError('UNAUTHENTICATED', `The ${name} ${source} ${credentialProblem(sent)}`, { http: unauthorized });
  }
  if (!auth.enabled) return credentialsOf(config, read, source, true);
  // Each credential sent is checked before the caller is: a malformed one is refused whoever sends it.
  const own = credentialsOf(config, read, source, false);
  // Refused above when not a string.
  const caller = await auth.callerOf((name) => read(name) as string | undefined);
  if (caller.kind === 'authenticated') return credentialsOf(config, read, source, true);
  if (Object.keys(own).length === 0) {
    throw new GatewayError(
      'UNAUTHENTICATED',
      `This gateway requires authentication: send an API key in ${apiKeyHeader} or Authorization: Bearer <JWT>, or your own credential for each service you use`,
      { http: unauthorized },
    );
  }
  return own;
}
