import { ConfigError } from './ConfigError.js';

/** Where the gateway gets the keys that sign callers' JWTs, and what the tokens must say. */
export interface JwtSettings {
  /** The JSON Web Key Set URL (`AUTH_JWT_JWKS_URI`, as OpenID discovery names it: `jwks_uri`). */
  readonly jwksUrl: string;
  /** The `iss` a token must carry (`AUTH_JWT_ISSUER`). */
  readonly issuer: string;
  /** The `aud` a token must carry (`AUTH_JWT_AUDIENCE`). */
  readonly audience: string;
}

/**
 * Client authentication: off unless API keys or a JWKS URL are set. When
 * on, a caller must present a key or a valid JWT before the gateway's
 * configured service credentials are used for it.
 */
export interface AuthSettings {
  /** True when API keys or a JWKS URL are set. */
  readonly enabled: boolean;
  /** Keys accepted in `x-api-key` (`GATEWAY_API_KEYS`, comma-separated). */
  readonly apiKeys: readonly string[];
  readonly jwt: JwtSettings | undefined;
}

/** Every environment variable these settings read. */
export const authSettingNames: readonly string[] = ['GATEWAY_API_KEYS', 'AUTH_JWT_JWKS_URI', 'AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE'];

/** The shortest API key accepted: shorter ones are guessable. */
export const minApiKeyLength = 16;

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Reads the authentication settings; throws a {@link ConfigError} naming a bad one. */
export function loadAuthSettings(env: Env): AuthSettings {
  const apiKeys = (value(env, 'GATEWAY_API_KEYS') ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  for (const key of apiKeys) {
    if (key.length < minApiKeyLength) throw new ConfigError('GATEWAY_API_KEYS', `every key must be at least ${minApiKeyLength} characters`);
    if (!/^[\x21-\x7e]+$/.test(key)) throw new ConfigError('GATEWAY_API_KEYS', 'keys are printable ASCII without spaces');
  }
  const jwksUrl = value(env, 'AUTH_JWT_JWKS_URI');
  const issuer = value(env, 'AUTH_JWT_ISSUER');
  const audience = value(env, 'AUTH_JWT_AUDIENCE');
  let jwt: JwtSettings | undefined;
  if (jwksUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new ConfigError('AUTH_JWT_JWKS_URI', `"${jwksUrl}" is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('AUTH_JWT_JWKS_URI', `expected an https URL, got "${url.protocol}"`);
    if (issuer === undefined) throw new ConfigError('AUTH_JWT_ISSUER', 'required with AUTH_JWT_JWKS_URI: the iss a token must carry');
    if (audience === undefined) throw new ConfigError('AUTH_JWT_AUDIENCE', 'required with AUTH_JWT_JWKS_URI: the aud a token must carry');
    jwt = Object.freeze({ jwksUrl, issuer, audience });
  } else if (issuer !== undefined || audience !== undefined) {
    throw new ConfigError(issuer !== undefined ? 'AUTH_JWT_ISSUER' : 'AUTH_JWT_AUDIENCE', 'has no effect without AUTH_JWT_JWKS_URI');
  }
  return Object.freeze({ enabled: apiKeys.length > 0 || jwt !== undefined, apiKeys: Object.freeze(apiKeys), jwt });
}
