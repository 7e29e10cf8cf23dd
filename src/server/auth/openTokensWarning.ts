import { serviceSettings, type Config } from '../../config/config.js';
import { serviceNames } from '../../config/ServiceName.js';

/**
 * The start-up warning when configured service tokens are open to any
 * caller (client authentication off, outside demo mode), or undefined.
 */
export function openTokensWarning(config: Config): string | undefined {
  if (config.auth.enabled || config.demo) return undefined;
  const open = serviceNames.filter((service) => config.services[service]?.token !== undefined).map((service) => serviceSettings[service].token);
  if (open.length === 0) return undefined;
  return `Client authentication is off: the configured ${open.join(', ')} ${open.length === 1 ? 'is' : 'are'} used for any caller that reaches this gateway. Set GATEWAY_API_KEYS or AUTH_JWT_JWKS_URI to require callers to authenticate first.`;
}
