import type { TestGateway } from '../../../helpers/startTestGateway.js';
import { expect } from 'vitest';
import { gid } from '../../../ghes/context.js';
import { ok, type CaseList, type StaleRead } from '../harness.js';

// The admin API answers site administrators only, and the simulator has one.
export const ghesCredentials = [{}];

/** GHES mutations and the reads each makes stale, in order (later cases use what earlier ones created). */
export function ghesCases(gw: () => TestGateway): CaseList {
  const hooks: StaleRead = {
    label: 'ghesGlobalWebhooks',
    query: `{ ghesGlobalWebhooks(first: 100) { edges { node { hookId url active } } } }`,
    select: (d) => d.ghesGlobalWebhooks.edges.map((e: any) => e.node),
  };
  const hook = (id: () => number, after?: (value: any) => void): StaleRead => ({
    label: 'ghesGlobalWebhook',
    query: `query ($id: ID!) { ghesGlobalWebhook(id: $id) { url active events } }`,
    variables: { id: gid('GhesGlobalWebhook', id()) },
    select: (d) => d.ghesGlobalWebhook,
    after,
  });
  const environments: StaleRead = {
    label: 'ghesPreReceiveEnvironments',
    query: `{ ghesPreReceiveEnvironments(first: 100) { edges { node { environmentId name imageUrl download { rawState } } } } }`,
    select: (d) => d.ghesPreReceiveEnvironments.edges.map((e: any) => e.node),
  };
  const environment = (id: () => number, fields: string, after?: (value: any) => void): StaleRead => ({
    label: `ghesPreReceiveEnvironment { ${fields} }`,
    query: `query ($id: ID!) { ghesPreReceiveEnvironment(id: $id) { ${fields} } }`,
    variables: { id: gid('GhesPreReceiveEnvironment', id()) },
    select: (d) => d.ghesPreReceiveEnvironment,
    after,
  });

  let hookId = 0;
  let environmentId = 0;
  const seededEnvironment = (): number => gw().simulators.ghes.store.environments.find((e) => e.download.state === 'failed')?.id as number;
  return [
    [
      'createGhesGlobalWebhook',
      () => ({
        mutation: 'createGhesGlobalWebhook',
        reads: [hooks],
        mutate: async (g) => {
          const created = await g.gql(`mutation { createGhesGlobalWebhook(input: { url: "https://hooks.example.com/ghes" }) { hookId } }`);
          hookId = ok(created)['createGhesGlobalWebhook'].hookId;
          return created;
        },
      }),
    ],
    [
      'updateGhesGlobalWebhook',
      () => ({
        mutation: 'updateGhesGlobalWebhook',
        reads: [hooks, hook(() => hookId, (value) => expect(value).toMatchObject({ url: 'https://hooks.example.com/changed', active: false }))],
        mutate: (g) => g.gql(`mutation ($id: ID!) { updateGhesGlobalWebhook(input: { id: $id, url: "https://hooks.example.com/changed", active: false }) { hookId } }`, { id: gid('GhesGlobalWebhook', hookId) }),
      }),
    ],
    [
      'deleteGhesGlobalWebhook',
      () => ({
        mutation: 'deleteGhesGlobalWebhook',
        reads: [hooks, hook(() => hookId, (value) => expect(value).toBeNull())],
        mutate: (g) => g.gql(`mutation ($id: ID!) { deleteGhesGlobalWebhook(input: { id: $id }) { deletedId } }`, { id: gid('GhesGlobalWebhook', hookId) }),
      }),
    ],
    [
      'createGhesPreReceiveEnvironment',
      () => ({
        mutation: 'createGhesPreReceiveEnvironment',
        reads: [environments],
        mutate: async (g) => {
          const created = await g.gql(`mutation { createGhesPreReceiveEnvironment(input: { name: "alpine", imageUrl: "https://images.example.com/alpine.tar.gz" }) { environmentId } }`);
          environmentId = ok(created)['createGhesPreReceiveEnvironment'].environmentId;
          return created;
        },
      }),
    ],
    [
      'updateGhesPreReceiveEnvironment',
      () => ({
        mutation: 'updateGhesPreReceiveEnvironment',
        reads: [environments, environment(() => environmentId, 'name', (value) => expect(value).toEqual({ name: 'alpine-edge' }))],
        mutate: (g) => g.gql(`mutation ($id: ID!) { updateGhesPreReceiveEnvironment(input: { id: $id, name: "alpine-edge" }) { name } }`, { id: gid('GhesPreReceiveEnvironment', environmentId) }),
      }),
    ],
    [
      'deleteGhesPreReceiveEnvironment',
      () => ({
        mutation: 'deleteGhesPreReceiveEnvironment',
        reads: [environments, environment(() => environmentId, 'name', (value) => expect(value).toBeNull())],
        mutate: (g) => g.gql(`mutation ($id: ID!) { deleteGhesPreReceiveEnvironment(input: { id: $id }) { deletedId } }`, { id: gid('GhesPreReceiveEnvironment', environmentId) }),
      }),
    ],
    [
      'startGhesPreReceiveEnvironmentDownload',
      () => ({
        mutation: 'startGhesPreReceiveEnvironmentDownload',
        reads: [environments, environment(seededEnvironment, 'download { rawState } latestDownload { rawState }')],
        mutate: (g) => g.gql(`mutation ($id: ID!) { startGhesPreReceiveEnvironmentDownload(input: { id: $id }) { rawState } }`, { id: gid('GhesPreReceiveEnvironment', seededEnvironment()) }),
      }),
    ],
    [
      'deleteGhesPublicKey',
      () => {
        const keyId = gw().simulators.ghes.store.keys[0]?.id as number;
        return {
          mutation: 'deleteGhesPublicKey',
          reads: [
            {
              label: 'ghesPublicKeys',
              query: `{ ghesPublicKeys(first: 100) { edges { node { keyId } } } }`,
              select: (d) => d.ghesPublicKeys.edges.map((e: any) => e.node.keyId),
              after: (ids: number[]) => expect(ids).not.toContain(keyId),
            },
          ],
          mutate: (g) => g.gql(`mutation ($id: ID!) { deleteGhesPublicKey(input: { id: $id }) { deletedId } }`, { id: gid('GhesPublicKey', keyId) }),
        };
      },
    ],
  ];
}
