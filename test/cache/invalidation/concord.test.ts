import { concordCases, concordCredentials } from './cases/concord.js';
import { invalidationSuite } from './harness.js';

invalidationSuite('Concord mutations purge what they make stale, for every credential', [{ service: 'concord', credentials: concordCredentials, cases: concordCases }]);
