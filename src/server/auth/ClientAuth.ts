import type { AuthSettings } from '../../config/authSettings.js';
import { GatewayError } from '../../errors/GatewayError.js';
import { credentialProblem } from '../credentialValue.js';
import { ApiKeys } from './ApiKeys.js';
import { JwtRefused, JwtVerifier } from './JwtVerifier.js';

/** Who a request acts as: a caller that proved itself to the gateway, or an anonymous one. */
export type Caller = { readonly kind: 'authenticated'; readonly subject: string } | { readonly kind: 'anonymous' };

/** The header (and connection_init parameter) that carries an API key. */
export const apiKeyHeader = 'x-api-key';

/** The HTTP answer of a request refused for its credentials. */
export const unauthorized = { status: 401, headers: { 'www-authenticate': 'Bearer' } } as const;

function refused(message: string): GatewayError {
  return new GatewayError('UNAUTHENTICATED', message, { http: unauthorized });
}

/**
 * Client authentication, when GATEWAY_API_KEYS or AUTH_JWT_JWKS_URI is
 * set: an `x-api-key` header with one of the keys, or `Authorization: Bearer
 * <JWT>` signed by a key of the JWKS with the configured issuer and audience.
 * A credential that is presented and wrong refuses the request (401
 * UNAUTHENTICATED saying why); none at all makes the caller anonymous.
 */
export class ClientAuth {
  private readonly apiKeys: ApiKeys;
  private readonly jwt: JwtVerifier | undefined;

  constructor(private readonly settings: AuthSettings) {
    this.apiKeys = new ApiKeys(settings.apiKeys);
    this.jwt = settings.jwt === undefined ? undefined : new JwtVerifier(settings.jwt);
  }

  /** Whether callers must authenticate before configured credentials are used for them. */
  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** Who the request acts as, from its headers; throws UNAUTHENTICATED for a credential presented and refused. */
  async callerOf(read: (name: string) => string | undefined): Promise<Caller> {
    const key = read(apiKeyHeader)?.trim();
    if (key !== undefined && key !== '') {
      if (this.settings.apiKeys.length === 0) throw refused(`This gateway takes no API keys: send Authorization: Bearer <JWT> instead of ${apiKeyHeader}`);
      if (credentialProblem(key) !== undefined || !this.apiKeys.matches(key)) throw refused(`The ${apiKeyHeader} header is not an API key of this gateway`);
      return { kind: 'authenticated', subject: 'api-key' };
    }
    const authorization = read('authorization')?.trim();
    if (authorization !== undefined && authorization !== '') {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (match === null) throw refused('The Authorization header must be "Bearer <JWT>"');
      if (this.jwt === undefined) throw refused(`This gateway takes no JWTs: send an API key in ${apiKeyHeader}`);
      try {
        const claims = await this.jwt.verify(match[1] as string);
        return { kind: 'authenticated', subject: typeof claims.sub === 'string' ? claims.sub : 'jwt' };
      } catch (error) {
        if (error instanceof JwtRefused) throw refused(`The bearer token was refused: ${error.message}`);
        throw error;
      }
    }
    return { kind: 'anonymous' };
  }
}
