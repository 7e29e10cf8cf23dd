import { pick, seededRandom, stableUuid } from '../core/ids.js';
import { seedProjectExtras } from './seedProjectExtras.js';
import type { CircleCiStore, WorkflowStatus } from './store.js';

/**
 * Fills an empty store with deterministic organizations, users, projects and
 * their pipeline history (for a seed), ending `now`, then each project's
 * settings, variables, keys and schedules.
 */
export function seedStore(store: CircleCiStore, seed: number, now: number): void {
  const random = seededRandom(seed);
  store.orgs.push(
    { id: stableUuid('org:acme'), slug: 'gh/acme', name: 'acme', vcsType: 'github' },
    { id: stableUuid('org:globex'), slug: 'bb/globex', name: 'globex', vcsType: 'bitbucket' },
    { id: stableUuid('org:initech'), slug: 'gh/initech', name: 'initech', vcsType: 'github' },
  );
  store.users.push(
    { id: stableUuid('user:ada'), login: 'ada', name: 'Ada Lovelace', token: 'demo-circleci-token', orgs: ['gh/acme', 'bb/globex', 'gh/initech'] },
    { id: stableUuid('user:grace'), login: 'grace', name: 'Grace Hopper', token: 'circleci-token-grace', orgs: ['gh/acme'] },
    { id: stableUuid('user:linus'), login: 'linus', name: 'Linus Torvalds', token: 'circleci-token-linus', orgs: ['gh/initech'] },
  );
  const projectNames: Record<string, string[]> = {
    'gh/acme': ['api', 'web', 'infra', 'mobile'],
    'bb/globex': ['billing', 'reports'],
    'gh/initech': ['tps'],
  };
  for (const [orgSlug, names] of Object.entries(projectNames)) {
    for (const name of names) {
      store.projects.push({ id: stableUuid(`project:${orgSlug}/${name}`), slug: `${orgSlug}/${name}`, name, orgSlug });
    }
  }
  const branches = ['main', 'main', 'main', 'feature/login', 'fix/flaky-test', 'release/1.4'];
  const finished: WorkflowStatus[] = ['success', 'success', 'success', 'failed', 'canceled', 'error', 'not_run', 'unauthorized'];
  for (const project of store.projects) {
    const count = project.name === 'api' ? 45 : 12;
    for (let number = 1; number <= count; number++) {
      const createdMs = now - (count - number + 1) * 3_600_000 - Math.floor(random() * 600_000);
      const newest = number === count;
      const pipeline = store.addPipeline(project.slug, number, createdMs, {
        branch: pick(random, branches),
        actor: pick(random, store.users).login,
        triggerType: pick(random, ['webhook', 'webhook', 'api', 'scheduled_pipeline', 'explicit'] as const),
        state: number % 17 === 0 ? 'errored' : 'created',
      });
      if (pipeline.state === 'errored') continue;
      const statuses: WorkflowStatus[] = newest
        ? ['running', 'on_hold']
        : number === count - 1
          ? ['failing']
          : [pick(random, finished)];
      statuses.forEach((status, index) => {
        store.addWorkflow(pipeline, index === 0 ? 'build-and-test' : 'deploy', status, createdMs + 1000, random);
      });
    }
  }
  seedProjectExtras(store, now);
}
