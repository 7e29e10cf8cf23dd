import { circleciCases, circleciCredentials } from './cases/circleci.js';
import { invalidationSuite } from './harness.js';

invalidationSuite('CircleCI mutations purge what they make stale, for every credential', [{ service: 'circleci', credentials: circleciCredentials, cases: circleciCases }]);
