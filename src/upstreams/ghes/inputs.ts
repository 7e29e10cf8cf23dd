import { badUserInput } from '../../errors/GatewayError.js';
import { loginPattern } from './pathParams.js';
import type { WireGlobalHookBody } from './wire.js';

type Opt<T> = T | null | undefined;
type Detail = { readonly field: string; readonly message: string };

/** A global webhook's settings as the GraphQL inputs carry them. */
export interface GlobalWebhookSettings {
  readonly url: string;
  readonly contentType?: Opt<'JSON' | 'FORM' | 'UNKNOWN'>;
  readonly secret?: Opt<string>;
  readonly insecureSsl?: Opt<boolean>;
  readonly events?: Opt<readonly string[]>;
  readonly active?: Opt<boolean>;
}

/** An RFC 4514 DN starts with `attr=value` (attribute names or dotted OIDs). */
const dnPattern = /^\s*(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)\s*=\s*\S/;

function fail(message: string, details: readonly Detail[]): never {
  throw badUserInput(message, details);
}

function httpUrl(field: string, value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    fail(`${field} must be an http or https URL`, [{ field, message: `"${value.slice(0, 200)}" is not an http(s) URL` }]);
  }
  return value.trim();
}

function nonEmpty(field: string, value: string, max = 255): string {
  const trimmed = value.trim();
  if (trimmed === '') fail(`${field} must not be empty`, [{ field, message: 'must not be empty' }]);
  if (trimmed.length > max) fail(`${field} is too long`, [{ field, message: `at most ${max} characters` }]);
  return trimmed;
}

/**
 * The body of `POST /admin/hooks` or `PATCH /admin/hooks/{id}`. Only the given
 * settings are sent: on PATCH, GHES resets each omitted one to its default
 * (content type form, TLS verified, events user + organization, active, no secret).
 */
export function globalWebhookBody(input: GlobalWebhookSettings, create: boolean): WireGlobalHookBody {
  const url = httpUrl('url', input.url);
  let events: string[] | undefined;
  if (input.events != null) {
    events = [...new Set(input.events.map((event) => event.trim()))];
    if (events.length === 0 || events.includes('')) {
      fail('events must list at least one event name', [{ field: 'events', message: 'must be a non-empty list of event names' }]);
    }
  }
  if (input.contentType === 'UNKNOWN') {
    fail('contentType must be JSON or FORM', [{ field: 'contentType', message: 'must be JSON or FORM' }]);
  }
  if (input.secret != null && input.secret === '') {
    fail('secret must not be empty; omit it for no secret', [{ field: 'secret', message: 'must not be empty' }]);
  }
  return {
    ...(create ? { name: 'web' as const } : {}),
    config: {
      url,
      ...(input.contentType != null ? { content_type: input.contentType === 'JSON' ? ('json' as const) : ('form' as const) } : {}),
      ...(input.secret != null ? { secret: input.secret } : {}),
      ...(input.insecureSsl != null ? { insecure_ssl: input.insecureSsl ? ('1' as const) : ('0' as const) } : {}),
    },
    ...(events !== undefined ? { events } : {}),
    ...(input.active != null ? { active: input.active } : {}),
  };
}

/** A team id: a positive integer. */
export function teamIdOf(value: number): number {
  if (!Number.isInteger(value) || value < 1) fail('teamId must be a positive integer', [{ field: 'teamId', message: 'must be a positive integer' }]);
  return value;
}

/** An LDAP distinguished name: not empty and shaped `attr=value,…`. */
export function ldapDnOf(value: string): string {
  const dn = nonEmpty('ldapDn', value, 1024);
  if (!dnPattern.test(dn)) fail('ldapDn must be a distinguished name such as cn=Ops,ou=teams,dc=example,dc=com', [{ field: 'ldapDn', message: 'not a distinguished name' }]);
  return dn;
}

/**
 * A GHES user name. GHES normalizes every character of an external identity
 * other than letters and digits (`_` and `.` included) to a hyphen, so no
 * user name holds one.
 */
export function usernameOf(value: string, field = 'username'): string {
  if (!loginPattern.test(value)) fail(`${field} is not a valid GitHub user name`, [{ field, message: 'letters, digits and single inner hyphens, at most 39' }]);
  return value;
}

/** An organization login: GitHub's login rules. */
export function orgLoginOf(value: string, field = 'login'): string {
  if (!loginPattern.test(value)) fail(`${field} is not a valid organization login`, [{ field, message: 'letters, digits and single inner hyphens, at most 39' }]);
  return value;
}

/** The body of `POST /admin/organizations`. */
export function organizationBody(input: { readonly login: string; readonly admin: string; readonly profileName?: Opt<string> }): {
  login: string;
  admin: string;
  profile_name?: string;
} {
  return {
    login: orgLoginOf(input.login),
    admin: usernameOf(input.admin, 'admin'),
    ...(input.profileName != null ? { profile_name: nonEmpty('profileName', input.profileName) } : {}),
  };
}

/** The body of `POST /admin/pre-receive-environments`. */
export function preReceiveEnvironmentBody(input: { readonly name: string; readonly imageUrl: string }): { name: string; image_url: string } {
  return { name: nonEmpty('name', input.name), image_url: httpUrl('imageUrl', input.imageUrl) };
}

/** The body of `PATCH /admin/pre-receive-environments/{id}`: at least one change. */
export function preReceiveEnvironmentPatch(input: { readonly name?: Opt<string>; readonly imageUrl?: Opt<string> }): { name?: string; image_url?: string } {
  if (input.name == null && input.imageUrl == null) {
    fail('Give a new name or imageUrl', [{ field: 'name', message: 'name or imageUrl is required' }]);
  }
  return {
    ...(input.name != null ? { name: nonEmpty('name', input.name) } : {}),
    ...(input.imageUrl != null ? { image_url: httpUrl('imageUrl', input.imageUrl) } : {}),
  };
}
