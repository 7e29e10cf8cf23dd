import { Environment, Network, RecordSource, Store, type GraphQLResponse, type RequestParameters, type Variables } from 'relay-runtime';

/**
 * A Relay environment for Switchyard. A persisted document (relay-compiler's
 * `persistConfig`, listed with `npm run trusted-documents`) is sent by its
 * id alone, as the gateway takes it in trusted documents mode; any other
 * with its text.
 */
export function createRelayEnvironment(url: string, headers: Record<string, string> = {}): Environment {
  const fetchFn = async (params: RequestParameters, variables: Variables): Promise<GraphQLResponse> => {
    const body = params.id ? { documentId: `sha256:${params.id}`, variables } : { query: params.text, variables };
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return (await response.json()) as GraphQLResponse;
  };
  return new Environment({ network: Network.create(fetchFn), store: new Store(new RecordSource()) });
}
