import type DataLoader from 'dataloader';
import type { UpstreamSession } from '../../http/UpstreamSession.js';
import { connectionFromList, connectionFromPages, type Connection, type ConnectionArgs } from '../../../relay/connection.js';
import { keyLoader } from '../../loaderUtils.js';
import { pageOf } from '../client.js';
import { ContextsClient, type ContextOwnerRef } from './client.js';
import { toContext, toContextEnvVar, toContextRestriction, toMessage } from './mappers.js';
import type { CircleCiContextEnvVarModel, CircleCiContextModel, CircleCiContextRestrictionModel } from './models.js';

function ownerOf(ref: ContextOwnerRef): CircleCiContextModel['owner'] {
  return { id: ref.id ?? null, slug: ref.slug ?? null, type: ref.type === 'account' ? 'ACCOUNT' : ref.type === 'organization' ? 'ORGANIZATION' : null };
}

/** One request's access to CircleCI contexts. */
export class ContextLoaders {
  readonly client: ContextsClient;
  readonly context: DataLoader<string, CircleCiContextModel>;
  /** A context's restrictions, one call per context however many fields ask. */
  readonly restrictions: DataLoader<string, readonly CircleCiContextRestrictionModel[]>;

  constructor(session: UpstreamSession) {
    const client = new ContextsClient(session);
    this.client = client;
    this.context = keyLoader(async (id) => toContext(await client.getContext(id)));
    this.restrictions = keyLoader(async (id) => (await client.getContextRestrictions(id)).items?.map((wire) => toContextRestriction(wire, id)) ?? []);
  }

  /** An owner's contexts, from CircleCI's page tokens. */
  contextsOf(owner: ContextOwnerRef, args: ConnectionArgs): Promise<Connection<CircleCiContextModel>> {
    return connectionFromPages(args, async (token) => {
      const page = pageOf(await this.client.listContexts(owner, token), (wire) => toContext(wire, ownerOf(owner)));
      for (const context of page.items) this.context.prime(context.id, context);
      return page;
    });
  }

  /** A context's environment variables (names and dates only). */
  environmentVariablesOf(contextId: string, args: ConnectionArgs): Promise<Connection<CircleCiContextEnvVarModel>> {
    return connectionFromPages(args, async (token) =>
      pageOf(await this.client.listEnvironmentVariablesFromContext(contextId, token), (wire) => toContextEnvVar(wire, contextId)),
    );
  }

  async restrictionsOf(contextId: string, args: ConnectionArgs): Promise<Connection<CircleCiContextRestrictionModel>> {
    return connectionFromList(args, await this.restrictions.load(contextId));
  }

  async create(name: string, owner: ContextOwnerRef): Promise<CircleCiContextModel> {
    const context = toContext(await this.client.createContext(name, owner), ownerOf(owner));
    this.context.prime(context.id, context);
    return context;
  }

  async delete(contextId: string): Promise<string> {
    const message = toMessage(await this.client.deleteContext(contextId));
    this.context.clear(contextId);
    this.restrictions.clear(contextId);
    return message;
  }

  async setEnvironmentVariable(contextId: string, name: string, value: string): Promise<CircleCiContextEnvVarModel> {
    const wire = await this.client.addEnvironmentVariableToContext(contextId, name, value);
    // Older deployments answer `{ message }` only: the variable is then known by name alone.
    return toContextEnvVar({ variable: name, ...wire }, contextId);
  }

  async deleteEnvironmentVariable(contextId: string, name: string): Promise<string> {
    return toMessage(await this.client.deleteEnvironmentVariableFromContext(contextId, name));
  }

  async createRestriction(contextId: string, type: 'project' | 'expression', value: string): Promise<CircleCiContextRestrictionModel> {
    const restriction = toContextRestriction(await this.client.createContextRestriction(contextId, type, value), contextId);
    this.restrictions.clear(contextId);
    return restriction;
  }

  async deleteRestriction(contextId: string, restrictionId: string): Promise<string> {
    const message = toMessage(await this.client.deleteContextRestriction(contextId, restrictionId));
    this.restrictions.clear(contextId);
    return message;
  }
}
