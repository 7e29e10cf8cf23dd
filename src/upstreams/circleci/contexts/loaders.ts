import type DataLoader from 'dataloader';
import { connectionFromList, connectionFromPages, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import { keyLoader } from '../../loaderUtils.js';
import type { CircleCiApi } from '../api.js';
import { pageOf } from '../paging.js';
import { toContext, toContextEnvVar, toContextRestriction, toMessage } from './mappers.js';
import type { CircleCiContextEnvVarModel, CircleCiContextModel, CircleCiContextRestrictionModel } from './models.js';

/** Who a context list or new context belongs to: an owner id, or an organization slug. */
export interface ContextOwnerRef {
  readonly id?: string | undefined;
  readonly slug?: string | undefined;
  readonly type?: 'account' | 'organization' | undefined;
}

function ownerOf(ref: ContextOwnerRef): CircleCiContextModel['owner'] {
  return { id: ref.id ?? null, slug: ref.slug ?? null, type: ref.type === 'account' ? 'ACCOUNT' : ref.type === 'organization' ? 'ORGANIZATION' : null };
}

/** One request's access to CircleCI contexts, their environment variables and restrictions. */
export class ContextLoaders {
  readonly context: DataLoader<string, CircleCiContextModel>;
  /** A context's restrictions, one call per context however many fields ask (the endpoint takes no page token). */
  readonly restrictions: DataLoader<string, readonly CircleCiContextRestrictionModel[]>;

  constructor(private readonly api: CircleCiApi) {
    this.context = keyLoader('circleci.context', async (id) => toContext((await api.getContext({ path: { 'context-id': id } })).body));
    this.restrictions = keyLoader('circleci.restrictions', async (id) => ((await api.getContextRestrictions({ path: { context_id: id } })).body.items ?? []).map((wire) => toContextRestriction(wire, id)));
  }

  /** An owner's contexts, from CircleCI's page tokens. */
  contextsOf(owner: ContextOwnerRef, args: ConnectionArgs): Promise<Connection<CircleCiContextModel>> {
    return connectionFromPages(args, async (token) => {
      const query = { 'owner-id': owner.id, 'owner-slug': owner.slug, 'owner-type': owner.type, 'page-token': token };
      const page = pageOf((await this.api.listContexts({ query })).body, (wire) => toContext(wire, ownerOf(owner)));
      for (const context of page.items) this.context.prime(context.id, context);
      return page;
    });
  }

  /** A context's environment variables (names and dates only). */
  environmentVariablesOf(contextId: string, args: ConnectionArgs): Promise<Connection<CircleCiContextEnvVarModel>> {
    return connectionFromPages(args, async (token) =>
      pageOf((await this.api.listEnvironmentVariablesFromContext({ path: { 'context-id': contextId }, query: { 'page-token': token } })).body, (wire) =>
        toContextEnvVar(wire, contextId),
      ),
    );
  }

  async restrictionsOf(contextId: string, args: ConnectionArgs): Promise<Connection<CircleCiContextRestrictionModel>> {
    return connectionFromList(args, await this.restrictions.load(contextId));
  }

  async create(name: string, owner: ContextOwnerRef): Promise<CircleCiContextModel> {
    const body = { name, owner: owner.id !== undefined ? { id: owner.id, type: owner.type } : { slug: owner.slug, type: owner.type } };
    const context = toContext((await this.api.createContext({ body })).body, ownerOf(owner));
    this.context.prime(context.id, context);
    return context;
  }

  async delete(contextId: string): Promise<string> {
    const message = toMessage((await this.api.deleteContext({ path: { 'context-id': contextId } })).body);
    this.context.clear(contextId);
    this.restrictions.clear(contextId);
    return message;
  }

  /** Creates or replaces a variable; CircleCI answers the variable (or, on some versions, a message). */
  async setEnvironmentVariable(contextId: string, name: string, value: string): Promise<CircleCiContextEnvVarModel> {
    const wire = (await this.api.addEnvironmentVariableToContext({ path: { 'context-id': contextId, 'env-var-name': name }, body: { value } })).body;
    // Older deployments answer `{ message }` only: the variable is then known by name alone.
    return toContextEnvVar({ variable: name, ...wire }, contextId);
  }

  async deleteEnvironmentVariable(contextId: string, name: string): Promise<string> {
    return toMessage((await this.api.deleteEnvironmentVariableFromContext({ path: { 'context-id': contextId, 'env-var-name': name } })).body);
  }

  async createRestriction(contextId: string, type: 'project' | 'expression', value: string): Promise<CircleCiContextRestrictionModel> {
    const body = { restriction_type: type, restriction_value: value };
    const restriction = toContextRestriction((await this.api.createContextRestriction({ path: { context_id: contextId }, body })).body, contextId);
    this.restrictions.clear(contextId);
    return restriction;
  }

  async deleteRestriction(contextId: string, restrictionId: string): Promise<string> {
    const message = toMessage((await this.api.deleteContextRestriction({ path: { context_id: contextId, restriction_id: restrictionId } })).body);
    this.restrictions.clear(contextId);
    return message;
  }
}
