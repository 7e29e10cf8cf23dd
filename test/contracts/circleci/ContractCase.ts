import type { CircleCiSimulator } from '../../../src/simulators/circleci/createCircleCiSimulator.js';

/** One request to the CircleCI simulator whose answer must match the spec. */
export interface ContractCase {
  readonly operationId: string;
  /** Builds the request from the simulator's seeded data. Path is below `/api/v2`. */
  readonly request: (sim: CircleCiSimulator) => {
    readonly method: string;
    readonly path: string;
    readonly query?: Record<string, string>;
    readonly body?: unknown;
  };
}
