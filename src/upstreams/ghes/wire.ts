/**
 * GitHub Enterprise Server admin API response bodies, as the service sends
 * them. Typed loosely on purpose: mappers read every field through the
 * lenient decoders.
 */

/** A global webhook (`/admin/hooks`). The secret is always masked as `********`. */
export interface WireGlobalHook {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly name?: unknown;
  readonly active?: unknown;
  readonly events?: unknown;
  readonly config?: {
    readonly url?: unknown;
    readonly content_type?: unknown;
    readonly insecure_ssl?: unknown;
    readonly secret?: unknown;
  } | null;
  readonly updated_at?: unknown;
  readonly created_at?: unknown;
  readonly url?: unknown;
  readonly ping_url?: unknown;
}

/** A public SSH key from `GET /admin/keys`. */
export interface WirePublicKey {
  readonly id?: unknown;
  readonly key?: unknown;
  readonly user_id?: unknown;
  readonly repository_id?: unknown;
  readonly url?: unknown;
  readonly title?: unknown;
  readonly read_only?: unknown;
  readonly verified?: unknown;
  readonly created_at?: unknown;
  readonly added_by?: unknown;
  readonly last_used?: unknown;
}

/** A team with its LDAP mapping (`PATCH /admin/ldap/teams/{team_id}/mapping`). */
export interface WireLdapTeam {
  readonly ldap_dn?: unknown;
  readonly id?: unknown;
  readonly node_id?: unknown;
  readonly url?: unknown;
  readonly html_url?: unknown;
  readonly name?: unknown;
  readonly slug?: unknown;
  readonly description?: unknown;
  readonly privacy?: unknown;
  readonly notification_setting?: unknown;
  readonly permission?: unknown;
  readonly members_url?: unknown;
  readonly repositories_url?: unknown;
  readonly parent?: unknown;
}

/** A user with its LDAP mapping (`PATCH /admin/ldap/users/{username}/mapping`). */
export interface WireLdapUser {
  readonly ldap_dn?: unknown;
  readonly login?: unknown;
  readonly id?: unknown;
  readonly node_id?: unknown;
  readonly avatar_url?: unknown;
  readonly url?: unknown;
  readonly html_url?: unknown;
  readonly type?: unknown;
  readonly site_admin?: unknown;
  readonly name?: unknown;
  readonly company?: unknown;
  readonly blog?: unknown;
  readonly location?: unknown;
  readonly email?: unknown;
  readonly bio?: unknown;
  readonly created_at?: unknown;
  readonly updated_at?: unknown;
  readonly suspended_at?: unknown;
}

/** `{ "status": "queued" }` from the LDAP sync endpoints. */
export interface WireLdapSync {
  readonly status?: unknown;
}

/** An organization from `POST /admin/organizations`. */
export interface WireOrganization {
  readonly login?: unknown;
  readonly id?: unknown;
  readonly node_id?: unknown;
  readonly url?: unknown;
  readonly repos_url?: unknown;
  readonly hooks_url?: unknown;
  readonly members_url?: unknown;
  readonly avatar_url?: unknown;
  readonly description?: unknown;
}

/** The 202 answer of `PATCH /admin/organizations/{org}`. */
export interface WireOrganizationRename {
  readonly message?: unknown;
  readonly url?: unknown;
}

/** A pre-receive environment's download, embedded or from `…/downloads/latest`. */
export interface WirePreReceiveDownload {
  readonly url?: unknown;
  readonly state?: unknown;
  readonly downloaded_at?: unknown;
  readonly message?: unknown;
}

/** A pre-receive environment (`/admin/pre-receive-environments`). */
export interface WirePreReceiveEnvironment {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly image_url?: unknown;
  readonly url?: unknown;
  readonly html_url?: unknown;
  readonly default_environment?: unknown;
  readonly created_at?: unknown;
  readonly hooks_count?: unknown;
  readonly download?: WirePreReceiveDownload | null;
}

/** The body of `POST /admin/hooks` and `PATCH /admin/hooks/{hook_id}`. */
export interface WireGlobalHookBody {
  readonly name?: 'web';
  readonly config: {
    readonly url: string;
    readonly content_type?: 'json' | 'form';
    readonly secret?: string;
    readonly insecure_ssl?: '0' | '1';
  };
  readonly events?: readonly string[];
  readonly active?: boolean;
}
