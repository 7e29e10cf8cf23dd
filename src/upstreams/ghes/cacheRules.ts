import type { CacheRulesOf, FinishedStates } from '../../cache/rules.js';
import type { ghesOperations } from './operations.js';

/** An environment shows its latest download, which moves on by itself until it succeeds or fails. */
const downloadFinished: FinishedStates = { fields: ['download.state'], values: ['success', 'failed'] };

/**
 * What each GHES read is, and what each write makes stale beyond its own
 * path (a write always purges its path, and the lists and objects above it).
 *
 * GHES also shows an organization at `GET /orgs/{org}` and in
 * `GET /organizations`, and an LDAP mapping's `ldap_dn` at
 * `GET /teams/{team_id}` and `GET /users/{username}`; this gateway reads none
 * of them, so organization and LDAP writes purge only their own paths. A
 * read of any of those, once added, is to be purged here.
 */
export const ghesCacheRules = {
  listGlobalWebhooks: { kind: 'settings' },
  getGlobalWebhook: { kind: 'settings' },
  listPublicKeys: { kind: 'list' },
  listPreReceiveEnvironments: { kind: 'runs', finished: downloadFinished },
  getPreReceiveEnvironment: { kind: 'run', finished: downloadFinished },
  // Its own `state` against the service's final states (src/cache/rules.ts).
  getDownloadStatusForPreReceiveEnvironment: { kind: 'run' },
  createGlobalWebhook: [],
  updateGlobalWebhook: [],
  deleteGlobalWebhook: [],
  pingGlobalWebhook: [],
  deletePublicKey: [],
  updateLdapMappingForTeam: [],
  syncLdapMappingForTeam: [],
  updateLdapMappingForUser: [],
  syncLdapMappingForUser: [],
  createOrg: [],
  updateOrgName: [],
  createPreReceiveEnvironment: [],
  updatePreReceiveEnvironment: [],
  deletePreReceiveEnvironment: [],
  // A new download changes the environment's embedded download and its latest-download status below it.
  startPreReceiveEnvironmentDownload: [{ subtree: 'getPreReceiveEnvironment' }],
} as const satisfies CacheRulesOf<typeof ghesOperations>;
