import type { CircleCiSimulator } from '../../../src/simulators/circleci/createCircleCiSimulator.js';

/** Seeded ids the admin-area contract cases address. */
export const acmeOrg = (sim: CircleCiSimulator) => sim.store.orgs.find((org) => org.slug === 'gh/acme')!;
export const acmeProject = (sim: CircleCiSimulator, name = 'api') => sim.store.projects.find((project) => project.slug === `gh/acme/${name}`)!;
