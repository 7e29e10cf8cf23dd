import type { WireGlobalHookBody } from './wire.js';

/**
 * What the GHES writes take, and their request bodies. Inputs reach here
 * checked (see resolvers/ghes/validation.ts): building a body refuses nothing.
 */

type Opt<T> = T | null | undefined;

/** A global webhook's settings as the GraphQL inputs carry them. */
export interface GlobalWebhookSettings {
  readonly url: string;
  readonly contentType?: Opt<'JSON' | 'FORM' | 'UNKNOWN'>;
  readonly secret?: Opt<string>;
  readonly insecureSsl?: Opt<boolean>;
  readonly events?: Opt<readonly string[]>;
  readonly active?: Opt<boolean>;
}

/** Event names as GHES takes them: trimmed, each once. */
export function eventNames(events: readonly string[]): string[] {
  return [...new Set(events.map((event) => event.trim()))];
}

/**
 * The body of `POST /admin/hooks` or `PATCH /admin/hooks/{id}`. Only the given
 * settings are sent: on PATCH, GHES resets each omitted one to its default
 * (content type form, TLS verified, events user + organization, active, no secret).
 */
export function globalWebhookBody(input: GlobalWebhookSettings, create: boolean): WireGlobalHookBody {
  return {
    ...(create ? { name: 'web' as const } : {}),
    config: {
      url: input.url.trim(),
      ...(input.contentType != null ? { content_type: input.contentType === 'JSON' ? ('json' as const) : ('form' as const) } : {}),
      ...(input.secret != null ? { secret: input.secret } : {}),
      ...(input.insecureSsl != null ? { insecure_ssl: input.insecureSsl ? ('1' as const) : ('0' as const) } : {}),
    },
    ...(input.events != null ? { events: eventNames(input.events) } : {}),
    ...(input.active != null ? { active: input.active } : {}),
  };
}

/** A new organization as `createGhesOrganization` takes it. */
export interface OrganizationInput {
  readonly login: string;
  readonly admin: string;
  readonly profileName?: Opt<string>;
}

/** The body of `POST /admin/organizations`. */
export function organizationBody(input: OrganizationInput): { login: string; admin: string; profile_name?: string } {
  return { login: input.login, admin: input.admin, ...(input.profileName != null ? { profile_name: input.profileName.trim() } : {}) };
}

/** A pre-receive environment's name and image, both given on create, either on update. */
export interface PreReceiveEnvironmentInput {
  readonly name?: Opt<string>;
  readonly imageUrl?: Opt<string>;
}

/** The body of `POST /admin/pre-receive-environments` or `PATCH /admin/pre-receive-environments/{id}`: the fields given. */
export function preReceiveEnvironmentBody(input: PreReceiveEnvironmentInput): { name?: string; image_url?: string } {
  return {
    ...(input.name != null ? { name: input.name.trim() } : {}),
    ...(input.imageUrl != null ? { image_url: input.imageUrl.trim() } : {}),
  };
}
