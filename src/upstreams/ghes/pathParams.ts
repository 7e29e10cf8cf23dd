import type { PathParam } from '../operation.js';

/**
 * A GitHub login, of a user or an organization: letters, digits and single
 * inner hyphens, at most 39 characters. GHES normalizes every other character
 * of an LDAP, CAS or SAML identity to a hyphen, so its user names have this
 * shape too.
 */
export const loginPattern = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** A GHES numeric id (hooks, keys, teams, environments): a positive whole number, exact as a JavaScript number. */
export const ghesIdPattern = /^[1-9][0-9]{0,14}$/;

/** A hook, key, team or pre-receive environment id in a path. */
export const ghesId: PathParam = { pattern: ghesIdPattern, shape: 'a positive whole-number id' };

/** A user's login in a path. */
export const userLogin: PathParam = { pattern: loginPattern, shape: 'a GitHub user name: letters, digits and single inner hyphens, at most 39' };

/** An organization's login in a path (GHES matches it case-insensitively). */
export const orgLogin: PathParam = { pattern: loginPattern, shape: 'an organization login: letters, digits and single inner hyphens, at most 39' };
