import type { CircleCiSimulator } from '../../../src/simulators/circleci/createCircleCiSimulator.js';
import type { AnyOperation } from '../../../src/upstreams/operation.js';

/** One call of an operation of the CircleCI table, whose answer from the simulator must match the spec. */
export interface ContractCase {
  /** The operation: its method, and the path its parameters are built into. */
  readonly operation: AnyOperation;
  /** The call's path parameters, query and body, from the simulator's seeded data. */
  readonly request: (sim: CircleCiSimulator) => {
    readonly path?: Readonly<Record<string, string | number>>;
    readonly query?: Record<string, string>;
    readonly body?: unknown;
  };
}
