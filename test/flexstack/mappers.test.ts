import { describe, expect, it } from 'vitest';
import { toDeployment, toIntegration, toMember, toProject } from '../../src/upstreams/flexstack/mappers.js';
import { pageOf } from '../../src/upstreams/flexstack/loaders.js';
import { flexStackProtocol } from '../../src/upstreams/flexstack/protocol.js';

describe('FlexStack mappers', () => {
  it('maps a project whole', () => {
    expect(
      toProject({
        connection_status: 'connected',
        created_at: '2025-01-10T13:00:00.000Z',
        default_environment_id: 'Abc123defGhi456jkLmn78',
        description: 'Payments',
        icon: 'icon:rocket',
        id: '3vQB7B6MrGQZaxCuFg4oh',
        name: 'payments',
        org_id: '9b2f7c1e-1111-4222-a333-444455556666',
      }),
    ).toEqual({
      __typename: 'FlexStackProject',
      id: '3vQB7B6MrGQZaxCuFg4oh',
      name: 'payments',
      orgId: '9b2f7c1e-1111-4222-a333-444455556666',
      description: 'Payments',
      icon: 'icon:rocket',
      connectionStatus: 'CONNECTED',
      rawConnectionStatus: 'connected',
      defaultEnvironmentId: 'Abc123defGhi456jkLmn78',
      createdAt: '2025-01-10T13:00:00.000Z',
    });
    expect(toProject({ id: 7, connection_status: 'paused' })).toEqual({
      __typename: 'FlexStackProject',
      id: '7',
      name: '',
      orgId: '',
      description: null,
      icon: null,
      connectionStatus: 'UNKNOWN',
      rawConnectionStatus: 'paused',
      defaultEnvironmentId: null,
      createdAt: null,
    });
  });

  it('maps a member whole, taking the project from the request when the body leaves it out', () => {
    expect(
      toMember(
        {
          account_id: 'acc',
          avatar: 'https://a/x.png',
          created_at: '2025-01-01T00:00:00Z',
          display_name: 'Ada',
          id: 'mem',
          name: 'ada',
          org_role: 'admin',
          profile: { bio: 'b', github: 'g', location: 'l', twitter: 't', website: 'w' },
          role: 'contributor',
        },
        'proj',
      ),
    ).toEqual({
      __typename: 'FlexStackMember',
      id: 'mem',
      projectId: 'proj',
      accountId: 'acc',
      name: 'ada',
      displayName: 'Ada',
      avatar: 'https://a/x.png',
      rawRole: 'contributor',
      role: 'CONTRIBUTOR',
      orgRole: 'ADMIN',
      profile: { bio: 'b', github: 'g', location: 'l', twitter: 't', website: 'w' },
      createdAt: '2025-01-01T00:00:00Z',
    });
  });

  it('maps integrations: webhook and slack types, flags read leniently', () => {
    expect(
      toIntegration(
        {
          config: { url: 'https://h' },
          created_at: 'c',
          id: 'i1',
          notifications: { deployments_failed: true, changelog: 'true', promotions: 'no' },
          project_id: 'p1',
          type: 'webhook',
          updated_at: 'u',
        },
        'ignored',
      ),
    ).toEqual({
      __typename: 'FlexStackWebhookIntegration',
      id: 'i1',
      projectId: 'p1',
      type: 'WEBHOOK',
      rawType: 'webhook',
      config: { url: 'https://h' },
      notifications: {
        deploymentsFailed: true,
        deploymentsInProgress: false,
        deploymentsSucceeded: false,
        changelog: true,
        promotions: false,
        servicesAlarm: false,
        servicesOk: false,
      },
      createdAt: 'c',
      updatedAt: 'u',
    });
    expect(toIntegration({ id: 'i2', type: 'slack' }, 'p2')).toMatchObject({ __typename: 'FlexStackSlackIntegration', type: 'SLACK', projectId: 'p2', config: null });
  });

  it('maps a deployment whole, its status kept as sent and known when it is one of FlexStack\'s', () => {
    expect(
      toDeployment({
        created_at: '2025-01-11T12:00:00.000Z',
        environment_id: 'Abc123defGhi456jkLmn78',
        finished_at: '2025-01-11T12:02:30.000Z',
        id: 'Dep123defGhi456jkLmn78',
        project_id: '3vQB7B6MrGQZaxCuFg4oh',
        status: 'succeeded',
      }),
    ).toEqual({
      __typename: 'FlexStackDeployment',
      id: 'Dep123defGhi456jkLmn78',
      projectId: '3vQB7B6MrGQZaxCuFg4oh',
      environmentId: 'Abc123defGhi456jkLmn78',
      rawStatus: 'succeeded',
      state: 'SUCCEEDED',
      createdAt: '2025-01-11T12:00:00.000Z',
      finishedAt: '2025-01-11T12:02:30.000Z',
    });
    expect(toDeployment({ id: 'Dep123defGhi456jkLmn78', status: 'rolling_back' }, '3vQB7B6MrGQZaxCuFg4oh')).toEqual({
      __typename: 'FlexStackDeployment',
      id: 'Dep123defGhi456jkLmn78',
      projectId: '3vQB7B6MrGQZaxCuFg4oh',
      environmentId: null,
      rawStatus: 'rolling_back',
      state: null,
      createdAt: null,
      finishedAt: null,
    });
  });

  it('reads a page: next_page only when has_more', () => {
    expect(pageOf({ data: [{ id: 'a' }], has_more: true, next_page: 'ab+/=' }, (w: { id: string }) => w.id)).toEqual({ items: ['a'], next: 'ab+/=' });
    expect(pageOf({ data: [{ id: 'a' }], has_more: false, next_page: 'ab' }, (w: { id: string }) => w.id)).toEqual({ items: ['a'], next: null });
    expect(pageOf(null, (w: { id: string }) => w.id)).toEqual({ items: [], next: null });
  });

  it('reads error bodies with their code and the gateway code it stands for', () => {
    expect(flexStackProtocol.parseError(403, { code: 'unauthorized', message: 'no', cause: 'key scope' }, {})).toEqual({
      message: 'no (key scope)',
      code: 'unauthorized',
      gatewayCode: 'FORBIDDEN',
    });
    expect(flexStackProtocol.parseError(502, 'Bad gateway', {})).toEqual({ message: 'Bad gateway', code: undefined, gatewayCode: undefined });
  });
});
