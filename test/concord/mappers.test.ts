import { describe, expect, it } from 'vitest';
import { toOperationResult, toProcess, toProject, toTeamAccess } from '../../src/upstreams/concord/mappers.js';

describe('Concord mappers', () => {
  it('maps a v2 project entry whole', () => {
    expect(
      toProject(
        {
          id: '0f4a3c1e-8a59-11e9-a1b4-0242ac110002',
          name: 'billing',
          description: 'Billing jobs',
          orgId: '0fac1b18-d179-11e7-b3e7-d7df4543ed4f',
          orgName: 'Default',
          visibility: 'PUBLIC',
          owner: { id: 'a0b1', username: 'admin', userDomain: 'example.com', displayName: 'Admin', userType: 'LOCAL' },
          rawPayloadMode: 'DISABLED',
          outVariablesMode: 'OWNERS',
          processExecMode: 'READERS',
          meta: { tier: 'gold' },
          createdAt: '2025-03-02T08:00:00.000Z',
        },
        'Default',
      ),
    ).toEqual({
      __typename: 'ConcordProject',
      id: '0f4a3c1e-8a59-11e9-a1b4-0242ac110002',
      name: 'billing',
      orgId: '0fac1b18-d179-11e7-b3e7-d7df4543ed4f',
      orgName: 'Default',
      description: 'Billing jobs',
      visibility: 'PUBLIC',
      owner: { id: 'a0b1', username: 'admin', userDomain: 'example.com', displayName: 'Admin', userType: 'LOCAL' },
      rawPayloadMode: 'DISABLED',
      outVariablesMode: 'OWNERS',
      processExecMode: 'READERS',
      meta: { tier: 'gold' },
      createdAt: '2025-03-02T08:00:00.000Z',
    });
  });

  it('fills a sparse list entry leniently: org from the request, unknown visibility as null', () => {
    expect(toProject({ id: 42, name: 'x-y', visibility: 'SECRET', meta: 'not-an-object' }, 'acme')).toEqual({
      __typename: 'ConcordProject',
      id: '42',
      name: 'x-y',
      orgId: null,
      orgName: 'acme',
      description: null,
      visibility: null,
      owner: null,
      rawPayloadMode: null,
      outVariablesMode: null,
      processExecMode: null,
      meta: null,
      createdAt: null,
    });
  });

  it('maps a process entry whole, and one without its project from the list it came in', () => {
    expect(
      toProcess({
        instanceId: '45beb7c7-6aa2-40e4-ba1d-488f78700ab7',
        kind: 'DEFAULT',
        orgName: 'Default',
        projectName: 'billing',
        initiator: 'admin',
        status: 'FAILED',
        createdAt: '2017-07-19T16:31:39.331+0000',
        lastUpdatedAt: '2017-07-19T16:31:40.493+0000',
      }),
    ).toEqual({
      __typename: 'ConcordProcess',
      instanceId: '45beb7c7-6aa2-40e4-ba1d-488f78700ab7',
      kind: 'DEFAULT',
      orgName: 'Default',
      projectName: 'billing',
      initiator: 'admin',
      status: 'FAILED',
      createdAt: '2017-07-19T16:31:39.331+0000',
      lastUpdatedAt: '2017-07-19T16:31:40.493+0000',
    });
    expect(toProcess({ instanceId: '45beb7c7-6aa2-40e4-ba1d-488f78700ab7', status: 'RUNNING' }, 'Default', 'billing')).toEqual({
      __typename: 'ConcordProcess',
      instanceId: '45beb7c7-6aa2-40e4-ba1d-488f78700ab7',
      kind: null,
      orgName: 'Default',
      projectName: 'billing',
      initiator: null,
      status: 'RUNNING',
      createdAt: null,
      lastUpdatedAt: null,
    });
  });

  it('maps access entries and operation results', () => {
    expect(toTeamAccess({ teamId: 't-1', orgName: 'Default', teamName: 'ops', level: 'writer' }, 'Default', 'billing')).toEqual({
      __typename: 'ConcordTeamAccess',
      projectOrgName: 'Default',
      projectName: 'billing',
      teamId: 't-1',
      teamName: 'ops',
      orgName: 'Default',
      level: 'WRITER',
      rawLevel: 'writer',
    });
    expect(toOperationResult({ ok: 'true', id: 'p-1', result: 'CREATED' })).toEqual({ ok: true, id: 'p-1', result: 'CREATED' });
    expect(toOperationResult(null)).toEqual({ ok: false, id: null, result: '' });
  });
});
