import { badUserInput } from '../../errors/GatewayError.js';
import { eventNames, type GlobalWebhookSettings, type OrganizationInput, type PreReceiveEnvironmentInput } from '../../upstreams/ghes/bodies.js';
import { loginPattern } from '../../upstreams/ghes/pathParams.js';
import { urlOrNull } from '../urlOrNull.js';

/**
 * Checks of the GHES writes, made before any call to GitHub Enterprise
 * Server; each returns what it checked.
 */

type Opt<T> = T | null | undefined;
type Detail = { readonly field: string; readonly message: string };

/** An RFC 4514 DN starts with `attr=value` (attribute names or dotted OIDs). */
const dnPattern = /^\s*(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)\s*=\s*\S/;

function fail(message: string, details: readonly Detail[]): never {
  throw badUserInput(message, details);
}

function assertHttpUrl(field: string, value: string): string {
  const url = urlOrNull(value.trim());
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    fail(`${field} must be an http or https URL`, [{ field, message: `"${value.slice(0, 200)}" is not an http(s) URL` }]);
  }
  return value.trim();
}

function assertNonEmpty(field: string, value: string, max = 255): string {
  const trimmed = value.trim();
  if (trimmed === '') fail(`${field} must not be empty`, [{ field, message: 'must not be empty' }]);
  if (trimmed.length > max) fail(`${field} is too long`, [{ field, message: `at most ${max} characters` }]);
  return trimmed;
}

/** A global webhook's settings: an http(s) URL, some events, a known content type, no empty secret. */
export function assertGlobalWebhookSettings<T extends GlobalWebhookSettings>(input: T): T {
  assertHttpUrl('url', input.url);
  if (input.events != null) {
    const events = eventNames(input.events);
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
  return input;
}

/** A team id: a positive integer. */
export function assertTeamId(value: number): number {
  if (!Number.isInteger(value) || value < 1) fail('teamId must be a positive integer', [{ field: 'teamId', message: 'must be a positive integer' }]);
  return value;
}

/** An LDAP distinguished name, trimmed: not empty and shaped `attr=value,…`. */
export function assertLdapDn(value: string): string {
  const dn = assertNonEmpty('ldapDn', value, 1024);
  if (!dnPattern.test(dn)) fail('ldapDn must be a distinguished name such as cn=Ops,ou=teams,dc=example,dc=com', [{ field: 'ldapDn', message: 'not a distinguished name' }]);
  return dn;
}

/**
 * A GHES user name. GHES normalizes every character of an external identity
 * other than letters and digits (`_` and `.` included) to a hyphen, so no
 * user name holds one.
 */
export function assertUsername(value: string, field = 'username'): string {
  if (!loginPattern.test(value)) fail(`${field} is not a valid GitHub user name`, [{ field, message: 'letters, digits and single inner hyphens, at most 39' }]);
  return value;
}

/** An organization login: GitHub's login rules. */
export function assertOrgLogin(value: string, field = 'login'): string {
  if (!loginPattern.test(value)) fail(`${field} is not a valid organization login`, [{ field, message: 'letters, digits and single inner hyphens, at most 39' }]);
  return value;
}

/** A new organization: its login, its admin's user name, a profile name not empty. */
export function assertOrganizationInput<T extends OrganizationInput>(input: T): T {
  assertOrgLogin(input.login);
  assertUsername(input.admin, 'admin');
  if (input.profileName != null) assertNonEmpty('profileName', input.profileName);
  return input;
}

/** A new pre-receive environment: a name and an http(s) image URL. */
export function assertPreReceiveEnvironmentInput<T extends { readonly name: string; readonly imageUrl: string }>(input: T): T {
  assertNonEmpty('name', input.name);
  assertHttpUrl('imageUrl', input.imageUrl);
  return input;
}

/** A pre-receive environment's changes: a new name, a new image URL or both. */
export function assertPreReceiveEnvironmentPatch<T extends { readonly name?: Opt<string>; readonly imageUrl?: Opt<string> }>(input: T): T & PreReceiveEnvironmentInput {
  if (input.name == null && input.imageUrl == null) {
    fail('Give a new name or imageUrl', [{ field: 'name', message: 'name or imageUrl is required' }]);
  }
  if (input.name != null) assertNonEmpty('name', input.name);
  if (input.imageUrl != null) assertHttpUrl('imageUrl', input.imageUrl);
  return input;
}
