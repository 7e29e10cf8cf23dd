import type * as JoseModule from 'jose';
import type { JWTPayload } from 'jose';
import type { JwtSettings } from '../../config/authSettings.js';

type Jose = typeof JoseModule;

/** Asymmetric algorithms only: a JWKS never holds the secret of an HMAC, and `none` is never accepted. */
const algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** A JWT that was refused, with a reason safe to show its sender. */
export class JwtRefused extends Error {}

/**
 * Verifies callers' JWTs: signature by a key of the JWKS (fetched and cached
 * by jose, refetched when a token names an unknown key), issuer, audience,
 * expiry and not-before, with 30 s of clock tolerance.
 */
export class JwtVerifier {
  /** jose and the key set, loaded only when JWTs are configured (a gateway without them never holds jose). */
  private readonly ready: Promise<{ readonly jose: Jose; readonly keys: ReturnType<Jose['createRemoteJWKSet']> }>;

  constructor(private readonly settings: JwtSettings) {
    this.ready = import('jose').then((jose) => ({
      jose,
      keys: jose.createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
    }));
    // Observed by every verify; this keeps a failed load from being an unhandled rejection before the first one.
    this.ready.catch(() => undefined);
  }

  /** The token's claims; throws {@link JwtRefused} saying why it is not accepted. */
  async verify(token: string): Promise<JWTPayload> {
    const { jose, keys } = await this.ready;
    try {
      const { payload } = await jose.jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms,
        clockTolerance: 30,
      });
      return payload;
    } catch (error) {
      throw new JwtRefused(reasonOf(jose.errors, error));
    }
  }
}

function reasonOf(errors: Jose['errors'], error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'its issuer (iss) is not the one this gateway trusts';
    if (error.claim === 'aud') return 'its audience (aud) is not this gateway';
    if (error.claim === 'nbf') return 'it is not valid yet';
    return `its ${error.claim} claim is not acceptable`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the trusted key set signed it';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'it is signed with an algorithm this gateway does not accept';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'it is not a well-formed JWT';
  // A timeout, or a fetch of the key set that failed outright (not a JOSE error at all).
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) return 'the trusted key set could not be read';
  return 'it could not be verified';
}
