import { serviceSettings, type Config } from '../config/config.js';
import { serviceLabels, serviceNames, type ServiceName } from '../config/ServiceName.js';
import { GatewayError } from '../errors/GatewayError.js';
import { apiKeyHeader, unauthorized, type ClientAuth } from './auth/ClientAuth.js';
import { credentialProblem } from './credentialValue.js';

/** Where a client's credentials come from, for messages: HTTP headers, or the WebSocket connection_init payload. */
export type CredentialSource = 'header' | 'connection parameter';

/**
 * The credentials of one request: the client's header wins over the
 * configured token. A value that cannot be a credential (a line break, a
 * control character, anything but printable ASCII, absurd length) refuses
 * the request as UNAUTHENTICATED naming the header, before any upstream call.
 */
export function credentialsOf(
  config: Config,
  read: (header: string) => string | undefined,
  source: CredentialSource = 'header',
  /** Fall back to the configured tokens (false for a caller that may not use them). */
  useConfigured = true,
): Partial<Record<ServiceName, string>> {
  const credentials: Partial<Record<ServiceName, string>> = {};
  for (const service of serviceNames) {
    const { header } = serviceSettings[service];
    const sent = read(header)?.trim();
    const problem = sent === undefined ? undefined : credentialProblem(sent);
    if (problem !== undefined) {
      throw new GatewayError('UNAUTHENTICATED', `The ${header} ${source} ${problem}, so it cannot be a ${serviceLabels[service]} credential`, {
        service,
        http: unauthorized,
      });
    }
    const token = sent !== undefined && sent !== '' ? sent : useConfigured ? config.services[service]?.token : undefined;
    if (token !== undefined) credentials[service] = token;
  }
  return credentials;
}

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
  read: (name: string) => string | undefined,
  source: CredentialSource,
): Promise<Partial<Record<ServiceName, string>>> {
  if (!auth.enabled) return credentialsOf(config, read, source, true);
  // Each credential sent is checked before the caller is: a malformed one is refused whoever sends it.
  const own = credentialsOf(config, read, source, false);
  const caller = await auth.callerOf(read);
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
