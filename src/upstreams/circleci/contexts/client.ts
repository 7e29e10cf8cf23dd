import type { UpstreamSession } from '../../http/UpstreamSession.js';
import type { WirePage } from '../wire.js';
import type { WireContext, WireContextEnvVar, WireContextRestriction, WireMessage } from './wire.js';

const seg = encodeURIComponent;

/** Who a context list or new context belongs to: an owner id, or an organization slug. */
export interface ContextOwnerRef {
  readonly id?: string | undefined;
  readonly slug?: string | undefined;
  readonly type?: 'account' | 'organization' | undefined;
}

/** CircleCI contexts, their environment variables and restrictions. */
export class ContextsClient {
  constructor(private readonly session: UpstreamSession) {}

  async listContexts(owner: ContextOwnerRef, pageToken: string | null): Promise<WirePage<WireContext>> {
    const query = { 'owner-id': owner.id, 'owner-slug': owner.slug, 'owner-type': owner.type, 'page-token': pageToken };
    return (await this.session.get<WirePage<WireContext>>('/context', query, '/context')).body;
  }

  async createContext(name: string, owner: ContextOwnerRef): Promise<WireContext> {
    const body = { name, owner: owner.id !== undefined ? { id: owner.id, type: owner.type } : { slug: owner.slug, type: owner.type } };
    return (await this.session.send<WireContext>({ method: 'POST', path: '/context', body, route: '/context' })).body;
  }

  async deleteContext(id: string): Promise<WireMessage> {
    return (await this.session.send<WireMessage>({ method: 'DELETE', path: `/context/${seg(id)}`, route: '/context/{context-id}' })).body;
  }

  async getContext(id: string): Promise<WireContext> {
    return (await this.session.get<WireContext>(`/context/${seg(id)}`, undefined, '/context/{context-id}')).body;
  }

  async listEnvironmentVariablesFromContext(id: string, pageToken: string | null): Promise<WirePage<WireContextEnvVar>> {
    return (
      await this.session.get<WirePage<WireContextEnvVar>>(
        `/context/${seg(id)}/environment-variable`,
        { 'page-token': pageToken },
        '/context/{context-id}/environment-variable',
      )
    ).body;
  }

  /** Creates or replaces a variable; CircleCI answers the variable (or, on some versions, a message). */
  async addEnvironmentVariableToContext(id: string, name: string, value: string): Promise<WireContextEnvVar & WireMessage> {
    return (
      await this.session.send<WireContextEnvVar & WireMessage>({
        method: 'PUT',
        path: `/context/${seg(id)}/environment-variable/${seg(name)}`,
        body: { value },
        route: '/context/{context-id}/environment-variable/{env-var-name}',
      })
    ).body;
  }

  async deleteEnvironmentVariableFromContext(id: string, name: string): Promise<WireMessage> {
    return (
      await this.session.send<WireMessage>({
        method: 'DELETE',
        path: `/context/${seg(id)}/environment-variable/${seg(name)}`,
        route: '/context/{context-id}/environment-variable/{env-var-name}',
      })
    ).body;
  }

  /** Restrictions come in one answer: the endpoint takes no page token. */
  async getContextRestrictions(id: string): Promise<WirePage<WireContextRestriction>> {
    return (await this.session.get<WirePage<WireContextRestriction>>(`/context/${seg(id)}/restrictions`, undefined, '/context/{context_id}/restrictions')).body;
  }

  async createContextRestriction(id: string, type: 'project' | 'expression', value: string): Promise<WireContextRestriction> {
    return (
      await this.session.send<WireContextRestriction>({
        method: 'POST',
        path: `/context/${seg(id)}/restrictions`,
        body: { restriction_type: type, restriction_value: value },
        route: '/context/{context_id}/restrictions',
      })
    ).body;
  }

  async deleteContextRestriction(id: string, restrictionId: string): Promise<WireMessage> {
    return (
      await this.session.send<WireMessage>({
        method: 'DELETE',
        path: `/context/${seg(id)}/restrictions/${seg(restrictionId)}`,
        route: '/context/{context_id}/restrictions/{restriction_id}',
      })
    ).body;
  }
}
