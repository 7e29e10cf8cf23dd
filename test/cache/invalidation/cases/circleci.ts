import type { TestGateway } from '../../../helpers/startTestGateway.js';
import { expect } from 'vitest';
import { ok, type CaseList, type StaleRead } from '../harness.js';

// Ada (the configured token) and Grace both belong to gh/acme.
export const circleciCredentials = [{}, { 'x-circleci-token': 'circleci-token-grace' }];

/** CircleCI mutations and the reads each makes stale, in order (later cases use what earlier ones created). */
export function circleciCases(gw: () => TestGateway): CaseList {
  const store = () => gw().simulators.circleci.store;
  const acme = (): string => store().orgs.find((o) => o.slug === 'gh/acme')?.id as string;
  const projectId = (slug: string): string => store().projects.find((p) => p.slug === slug)?.id as string;
  const nodes = (connection: { edges: { node: unknown }[] }): unknown[] => connection.edges.map((e) => e.node);

  const read = (label: string, query: string, variables: Record<string, unknown>, select: (data: any) => unknown, after?: (value: any) => void): StaleRead => ({ label, query, variables, select, after });
  const inProject = (slug: string, fields: string, select: (project: any) => unknown, after?: (value: any) => void): StaleRead =>
    read(`circleciProject(${slug}) { ${fields} }`, `query ($slug: String!) { circleciProject(slug: $slug) { ${fields} } }`, { slug }, (d) => select(d.circleciProject), after);
  const workflow = (id: string, after?: (value: any) => void): StaleRead =>
    read('circleciWorkflow', `query ($id: ID!) { circleciWorkflow(id: $id) { status jobs(first: 20) { edges { node { name status } } } } }`, { id }, (d) => d.circleciWorkflow, after);
  const pipelineWorkflows = (id: string): StaleRead =>
    read('circleciPipeline.workflows', `query ($id: ID!) { circleciPipeline(id: $id) { workflows(first: 20) { edges { node { workflowId status } } } } }`, { id }, (d) => nodes(d.circleciPipeline.workflows));
  const context = (id: string, fields: string, select: (context: any) => unknown, after?: (value: any) => void): StaleRead =>
    read(`circleciContext { ${fields} }`, `query ($id: ID!) { circleciContext(id: $id) { ${fields} } }`, { id }, (d) => select(d.circleciContext), after);
  const contexts = (): StaleRead =>
    read('circleciContexts', `query ($slug: String!) { circleciContexts(ownerSlug: $slug, first: 100) { edges { node { contextId name } } } }`, { slug: 'gh/acme' }, (d) => nodes(d.circleciContexts));
  const orgClaims = (): StaleRead => read('circleciOrgOidcClaims', `query ($org: String!) { circleciOrgOidcClaims(orgId: $org) { audience ttl } }`, { org: acme() }, (d) => d.circleciOrgOidcClaims);
  const projectClaims = (): StaleRead =>
    read(
      'circleciProjectOidcClaims',
      `query ($org: String!, $p: String!) { circleciProjectOidcClaims(orgId: $org, projectId: $p) { audience ttl } }`,
      { org: acme(), p: projectId('gh/acme/web') },
      (d) => d.circleciProjectOidcClaims,
    );
  const webhooks = (): StaleRead =>
    read('circleciWebhooks', `query ($s: String!) { circleciWebhooks(scopeId: $s, first: 100) { edges { node { webhookId name } } } }`, { s: projectId('gh/acme/api') }, (d) => nodes(d.circleciWebhooks));

  const trigger = async (slug: string): Promise<{ pipelineId: string; workflowId: string }> => {
    const data = ok(
      await gw().gql(`mutation ($slug: String!) { circleciTriggerPipeline(input: { projectSlug: $slug }) { pipeline { pipelineId workflows { edges { node { workflowId } } } } } }`, { slug }),
    );
    const pipeline = data['circleciTriggerPipeline'].pipeline;
    return { pipelineId: pipeline.pipelineId, workflowId: pipeline.workflows.edges[0].node.workflowId };
  };

  const state: { contextId: string; restrictionId: string; scheduleId: string; webhookId: string; fingerprint: string; canceled: { pipelineId: string; workflowId: string } } = {
    contextId: '',
    restrictionId: '',
    scheduleId: '',
    webhookId: '',
    fingerprint: '',
    canceled: { pipelineId: '', workflowId: '' },
  };
  const keep = <K extends keyof typeof state>(key: K, value: (typeof state)[K]): void => {
    state[key] = value;
  };

  return [
    [
      'circleciTriggerPipeline',
      async () => ({
        mutation: 'circleciTriggerPipeline',
        reads: [
          inProject('gh/acme/mobile', 'pipelines(first: 5) { edges { node { number } } }', (p) => nodes(p.pipelines)),
          inProject('gh/acme/mobile', 'latestPipeline { number }', (p) => p.latestPipeline),
          read('circleciPipelines', `{ circleciPipelines(orgSlug: "gh/acme", first: 5) { edges { node { pipelineId } } } }`, {}, (d) => nodes(d.circleciPipelines)),
        ],
        mutate: (g) => g.gql(`mutation { circleciTriggerPipeline(input: { projectSlug: "gh/acme/mobile" }) { pipeline { number } } }`),
      }),
    ],
    [
      'circleciCancelWorkflow',
      async () => {
        const run = await trigger('gh/acme/web');
        keep('canceled', run);
        return {
          mutation: 'circleciCancelWorkflow',
          reads: [workflow(run.workflowId, (w) => expect(w.status).toBe('canceled')), pipelineWorkflows(run.pipelineId)],
          mutate: (g) => g.gql(`mutation ($id: ID!) { circleciCancelWorkflow(input: { workflowId: $id }) { message } }`, { id: run.workflowId }),
        };
      },
    ],
    [
      'circleciRerunWorkflow',
      async () => ({
        mutation: 'circleciRerunWorkflow',
        reads: [pipelineWorkflows(state.canceled.pipelineId)],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciRerunWorkflow(input: { workflowId: $id }) { workflow { workflowId } } }`, { id: state.canceled.workflowId }),
      }),
    ],
    [
      'circleciCancelJob',
      async () => {
        const run = await trigger('gh/acme/infra');
        const job = store().jobs.find((j) => j.workflowId === run.workflowId && j.status === 'running' && j.jobNumber !== null);
        const number = job?.jobNumber as number;
        return {
          mutation: 'circleciCancelJob',
          reads: [
            read('circleciJob', `query ($n: Int!) { circleciJob(projectSlug: "gh/acme/infra", jobNumber: $n) { status } }`, { n: number }, (d) => d.circleciJob, (j) => expect(j.status).toBe('CANCELED')),
            workflow(run.workflowId),
            pipelineWorkflows(run.pipelineId),
          ],
          mutate: (g) => g.gql(`mutation ($n: Int!) { circleciCancelJob(input: { projectSlug: "gh/acme/infra", jobNumber: $n }) { message } }`, { n: number }),
        };
      },
    ],
    [
      'circleciApproveJob',
      async () => {
        const held = store().jobs.find((j) => j.type === 'approval' && j.status === 'on_hold' && j.projectSlug.startsWith('gh/acme/') && store().workflows.find((w) => w.id === j.workflowId)?.status === 'on_hold');
        const flow = store().workflows.find((w) => w.id === held?.workflowId);
        return {
          mutation: 'circleciApproveJob',
          reads: [workflow(flow?.id as string), pipelineWorkflows(flow?.pipelineId as string)],
          mutate: (g) => g.gql(`mutation ($id: ID!, $r: String!) { circleciApproveJob(input: { workflowId: $id, approvalRequestId: $r }) { message } }`, { id: flow?.id, r: held?.approvalRequestId }),
        };
      },
    ],
    [
      'circleciContinuePipeline',
      async () => {
        const [key, continuation] = [...store().continuations.entries()].find(([, c]) => !c.used) ?? ['', { pipelineId: '' }];
        return {
          mutation: 'circleciContinuePipeline',
          reads: [
            read('circleciPipeline', `query ($id: ID!) { circleciPipeline(id: $id) { state config { source } } }`, { id: continuation.pipelineId }, (d) => d.circleciPipeline, (p) => expect(p.state).toBe('CREATED')),
          ],
          mutate: (g) =>
            g.gql(`mutation ($k: String!) { circleciContinuePipeline(input: { continuationKey: $k, configuration: "version: 2.1\\nworkflows: {}\\n" }) { message } }`, { k: key }),
        };
      },
    ],
    [
      'circleciCreateContext',
      async () => ({
        mutation: 'circleciCreateContext',
        reads: [contexts()],
        mutate: async (g) => {
          const created = await g.gql(`mutation { circleciCreateContext(input: { name: "cache-proof", ownerSlug: "gh/acme" }) { contextId } }`);
          keep('contextId', ok(created)['circleciCreateContext'].contextId);
          return created;
        },
      }),
    ],
    [
      'circleciSetContextEnvVar',
      async () => ({
        mutation: 'circleciSetContextEnvVar',
        reads: [context(state.contextId, 'environmentVariables(first: 50) { edges { node { variable } } }', (c) => nodes(c.environmentVariables))],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciSetContextEnvVar(input: { contextId: $id, name: "TOKEN", value: "s3cret" }) { variable } }`, { id: state.contextId }),
      }),
    ],
    [
      'circleciDeleteContextEnvVar',
      async () => ({
        mutation: 'circleciDeleteContextEnvVar',
        reads: [context(state.contextId, 'environmentVariables(first: 50) { edges { node { variable } } }', (c) => nodes(c.environmentVariables))],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciDeleteContextEnvVar(input: { contextId: $id, name: "TOKEN" }) { message } }`, { id: state.contextId }),
      }),
    ],
    [
      'circleciCreateContextRestriction',
      async () => ({
        mutation: 'circleciCreateContextRestriction',
        reads: [context(state.contextId, 'restrictions(first: 50) { edges { node { restrictionId restrictionValue } } }', (c) => nodes(c.restrictions))],
        mutate: async (g) => {
          const created = await g.gql(`mutation ($id: ID!, $p: String!) { circleciCreateContextRestriction(input: { contextId: $id, restrictionType: PROJECT, restrictionValue: $p }) { restrictionId } }`, {
            id: state.contextId,
            p: projectId('gh/acme/web'),
          });
          keep('restrictionId', ok(created)['circleciCreateContextRestriction'].restrictionId);
          return created;
        },
      }),
    ],
    [
      'circleciDeleteContextRestriction',
      async () => ({
        mutation: 'circleciDeleteContextRestriction',
        reads: [context(state.contextId, 'restrictions(first: 50) { edges { node { restrictionId restrictionValue } } }', (c) => nodes(c.restrictions))],
        mutate: (g) => g.gql(`mutation ($id: ID!, $r: ID!) { circleciDeleteContextRestriction(input: { contextId: $id, restrictionId: $r }) { message } }`, { id: state.contextId, r: state.restrictionId }),
      }),
    ],
    [
      'circleciDeleteContext',
      async () => ({
        mutation: 'circleciDeleteContext',
        reads: [contexts(), context(state.contextId, 'name', (c) => c, (c) => expect(c).toBeNull())],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciDeleteContext(input: { contextId: $id }) { message } }`, { id: state.contextId }),
      }),
    ],
    [
      'circleciPatchOrgClaims',
      async () => ({
        mutation: 'circleciPatchOrgClaims',
        reads: [orgClaims()],
        mutate: (g) => g.gql(`mutation ($org: String!) { circleciPatchOrgClaims(input: { orgId: $org, audience: ["vault.example.com"], ttl: "2h" }) { ttl } }`, { org: acme() }),
      }),
    ],
    [
      'circleciDeleteOrgClaims',
      async () => ({
        mutation: 'circleciDeleteOrgClaims',
        reads: [orgClaims()],
        mutate: (g) => g.gql(`mutation ($org: String!) { circleciDeleteOrgClaims(input: { orgId: $org, claims: [TTL] }) { ttl } }`, { org: acme() }),
      }),
    ],
    [
      'circleciPatchProjectClaims',
      async () => ({
        mutation: 'circleciPatchProjectClaims',
        reads: [projectClaims()],
        mutate: (g) =>
          g.gql(`mutation ($org: String!, $p: String!) { circleciPatchProjectClaims(input: { orgId: $org, projectId: $p, ttl: "30m" }) { ttl } }`, { org: acme(), p: projectId('gh/acme/web') }),
      }),
    ],
    [
      'circleciDeleteProjectClaims',
      async () => ({
        mutation: 'circleciDeleteProjectClaims',
        reads: [projectClaims()],
        mutate: (g) =>
          g.gql(`mutation ($org: String!, $p: String!) { circleciDeleteProjectClaims(input: { orgId: $org, projectId: $p, claims: [TTL] }) { ttl } }`, { org: acme(), p: projectId('gh/acme/web') }),
      }),
    ],
    [
      'circleciMakeDecision',
      async () => ({
        mutation: 'circleciMakeDecision',
        reads: [read('circleciDecisionLogs', `query ($o: String!) { circleciDecisionLogs(ownerId: $o, first: 100) { edges { node { decisionId } } } }`, { o: acme() }, (d) => nodes(d.circleciDecisionLogs))],
        mutate: (g) => g.gql(`mutation ($o: String!) { circleciMakeDecision(input: { ownerId: $o, input: "jobs:\\n  build: {}\\n" }) { status } }`, { o: acme() }),
      }),
    ],
    [
      'circleciSetDecisionSettings',
      async () => {
        const enabled = ok(await gw().gql(`query ($o: String!) { circleciDecisionSettings(ownerId: $o) { enabled } }`, { o: acme() }))['circleciDecisionSettings'].enabled as boolean;
        return {
          mutation: 'circleciSetDecisionSettings',
          reads: [read('circleciDecisionSettings', `query ($o: String!) { circleciDecisionSettings(ownerId: $o) { enabled } }`, { o: acme() }, (d) => d.circleciDecisionSettings)],
          mutate: (g) => g.gql(`mutation ($o: String!, $e: Boolean!) { circleciSetDecisionSettings(input: { ownerId: $o, enabled: $e }) { enabled } }`, { o: acme(), e: !enabled }),
        };
      },
    ],
    [
      'circleciCreatePolicyBundle',
      async () => {
        const documents = ok(await gw().gql(`query ($o: String!) { circleciPolicyBundle(ownerId: $o) { documents { name } } }`, { o: acme() }))['circleciPolicyBundle'].documents as { name: string }[];
        const name = documents[0]?.name as string;
        return {
          mutation: 'circleciCreatePolicyBundle',
          reads: [
            read('circleciPolicyBundle', `query ($o: String!) { circleciPolicyBundle(ownerId: $o) { documents { name content } } }`, { o: acme() }, (d) => d.circleciPolicyBundle.documents),
            read('circleciPolicyDocument', `query ($o: String!, $n: String!) { circleciPolicyDocument(ownerId: $o, name: $n) { content } }`, { o: acme(), n: name }, (d) => d.circleciPolicyDocument),
          ],
          mutate: (g) =>
            g.gql(`mutation ($o: String!, $n: String!) { circleciCreatePolicyBundle(input: { ownerId: $o, policies: [{ name: $n, content: "package org\\n# rewritten\\n" }] }) { modified } }`, {
              o: acme(),
              n: name,
            }),
        };
      },
    ],
    [
      'circleciCreateProjectEnvVar',
      async () => ({
        mutation: 'circleciCreateProjectEnvVar',
        reads: [inProject('gh/acme/web', 'envVars(first: 100) { edges { node { name maskedValue } } }', (p) => nodes(p.envVars))],
        mutate: (g) => g.gql(`mutation { circleciCreateProjectEnvVar(input: { projectSlug: "gh/acme/web", name: "CACHE_PROOF", value: "value-1234" }) { envVar { name } } }`),
      }),
    ],
    [
      'circleciCreateProjectEnvVar (replacing a value)',
      async () => ({
        mutation: 'circleciCreateProjectEnvVar',
        reads: [
          inProject('gh/acme/web', 'envVars(first: 100) { edges { node { name maskedValue } } }', (p) => nodes(p.envVars)),
          inProject('gh/acme/web', 'envVar(name: "CACHE_PROOF") { maskedValue }', (p) => p.envVar, (v) => expect(v.maskedValue).toMatch(/5678$/)),
        ],
        mutate: (g) => g.gql(`mutation { circleciCreateProjectEnvVar(input: { projectSlug: "gh/acme/web", name: "CACHE_PROOF", value: "value-5678" }) { envVar { name } } }`),
      }),
    ],
    [
      'circleciDeleteProjectEnvVar',
      async () => ({
        mutation: 'circleciDeleteProjectEnvVar',
        reads: [
          inProject('gh/acme/web', 'envVars(first: 100) { edges { node { name } } }', (p) => nodes(p.envVars)),
          inProject('gh/acme/web', 'envVar(name: "CACHE_PROOF") { name }', (p) => p.envVar, (v) => expect(v).toBeNull()),
        ],
        mutate: (g) => g.gql(`mutation { circleciDeleteProjectEnvVar(input: { projectSlug: "gh/acme/web", name: "CACHE_PROOF" }) { message } }`),
      }),
    ],
    [
      'circleciCreateCheckoutKey',
      async () => {
        const keys = ok(await gw().gql(`{ circleciProject(slug: "gh/acme/web") { checkoutKeys(first: 100) { edges { node { fingerprint preferred } } } } }`))['circleciProject'].checkoutKeys.edges;
        const preferred = keys.find((e: any) => e.node.preferred).node.fingerprint as string;
        return {
          mutation: 'circleciCreateCheckoutKey',
          reads: [
            inProject('gh/acme/web', 'checkoutKeys(first: 100) { edges { node { fingerprint } } }', (p) => nodes(p.checkoutKeys)),
            // The newest user key becomes the preferred one: the key preferred until now says so no more.
            inProject('gh/acme/web', `checkoutKey(fingerprint: "${preferred}") { preferred }`, (p) => p.checkoutKey, (k) => expect(k).toEqual({ preferred: false })),
          ],
          mutate: async (g) => {
            const created = await g.gql(`mutation { circleciCreateCheckoutKey(input: { projectSlug: "gh/acme/web", type: USER_KEY }) { checkoutKey { fingerprint } } }`);
            keep('fingerprint', ok(created)['circleciCreateCheckoutKey'].checkoutKey.fingerprint);
            return created;
          },
        };
      },
    ],
    [
      'circleciDeleteCheckoutKey',
      async () => ({
        mutation: 'circleciDeleteCheckoutKey',
        reads: [
          inProject('gh/acme/web', 'checkoutKeys(first: 100) { edges { node { fingerprint } } }', (p) => nodes(p.checkoutKeys)),
          inProject('gh/acme/web', `checkoutKey(fingerprint: "${state.fingerprint}") { fingerprint }`, (p) => p.checkoutKey, (k) => expect(k).toBeNull()),
        ],
        mutate: (g) => g.gql(`mutation ($f: String!) { circleciDeleteCheckoutKey(input: { projectSlug: "gh/acme/web", fingerprint: $f }) { message } }`, { f: state.fingerprint }),
      }),
    ],
    [
      'circleciUpdateProjectSettings',
      async () => {
        const current = ok(await gw().gql(`{ circleciProject(slug: "gh/acme/api") { settings { autocancelBuilds } } }`))['circleciProject'].settings.autocancelBuilds as boolean;
        return {
          mutation: 'circleciUpdateProjectSettings',
          reads: [inProject('gh/acme/api', 'settings { autocancelBuilds }', (p) => p.settings)],
          mutate: (g) => g.gql(`mutation ($v: Boolean!) { circleciUpdateProjectSettings(input: { projectSlug: "gh/acme/api", settings: { autocancelBuilds: $v } }) { settings { autocancelBuilds } } }`, { v: !current }),
        };
      },
    ],
    [
      'circleciCreateSchedule',
      async () => ({
        mutation: 'circleciCreateSchedule',
        reads: [inProject('gh/acme/api', 'schedules(first: 100) { edges { node { scheduleId name } } }', (p) => nodes(p.schedules))],
        mutate: async (g) => {
          const created = await g.gql(
            `mutation { circleciCreateSchedule(input: { projectSlug: "gh/acme/api", name: "cache-proof", timetable: { perHour: 1, hoursOfDay: [3], daysOfWeek: [MON] }, parameters: { branch: "main" } }) { schedule { scheduleId } } }`,
          );
          keep('scheduleId', ok(created)['circleciCreateSchedule'].schedule.scheduleId);
          return created;
        },
      }),
    ],
    [
      'circleciUpdateSchedule',
      async () => ({
        mutation: 'circleciUpdateSchedule',
        reads: [
          inProject('gh/acme/api', 'schedules(first: 100) { edges { node { scheduleId name } } }', (p) => nodes(p.schedules)),
          read('circleciSchedule', `query ($id: ID!) { circleciSchedule(id: $id) { name } }`, { id: state.scheduleId }, (d) => d.circleciSchedule, (s) => expect(s).toEqual({ name: 'cache-proof-2' })),
        ],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciUpdateSchedule(input: { id: $id, name: "cache-proof-2" }) { schedule { name } } }`, { id: state.scheduleId }),
      }),
    ],
    [
      'circleciDeleteSchedule',
      async () => ({
        mutation: 'circleciDeleteSchedule',
        reads: [
          inProject('gh/acme/api', 'schedules(first: 100) { edges { node { scheduleId name } } }', (p) => nodes(p.schedules)),
          read('circleciSchedule', `query ($id: ID!) { circleciSchedule(id: $id) { name } }`, { id: state.scheduleId }, (d) => d.circleciSchedule, (s) => expect(s).toBeNull()),
        ],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciDeleteSchedule(input: { id: $id }) { message } }`, { id: state.scheduleId }),
      }),
    ],
    [
      'circleciCreateWebhook',
      async () => ({
        mutation: 'circleciCreateWebhook',
        reads: [webhooks()],
        mutate: async (g) => {
          const created = await g.gql(
            `mutation ($s: String!) { circleciCreateWebhook(input: { scopeId: $s, name: "cache-proof", url: "https://hooks.example.com/cci", events: [WORKFLOW_COMPLETED], signingSecret: "s3cret-s3cret" }) { webhookId } }`,
            { s: projectId('gh/acme/api') },
          );
          keep('webhookId', ok(created)['circleciCreateWebhook'].webhookId);
          return created;
        },
      }),
    ],
    [
      'circleciUpdateWebhook',
      async () => ({
        mutation: 'circleciUpdateWebhook',
        reads: [webhooks(), read('circleciWebhook', `query ($id: ID!) { circleciWebhook(id: $id) { name } }`, { id: state.webhookId }, (d) => d.circleciWebhook, (w) => expect(w).toEqual({ name: 'cache-proof-2' }))],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciUpdateWebhook(input: { id: $id, name: "cache-proof-2" }) { name } }`, { id: state.webhookId }),
      }),
    ],
    [
      'circleciDeleteWebhook',
      async () => ({
        mutation: 'circleciDeleteWebhook',
        reads: [webhooks(), read('circleciWebhook', `query ($id: ID!) { circleciWebhook(id: $id) { name } }`, { id: state.webhookId }, (d) => d.circleciWebhook, (w) => expect(w).toBeNull())],
        mutate: (g) => g.gql(`mutation ($id: ID!) { circleciDeleteWebhook(input: { id: $id }) { message } }`, { id: state.webhookId }),
      }),
    ],
  ];
}
