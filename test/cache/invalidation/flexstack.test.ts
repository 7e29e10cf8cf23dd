import { flexstackCases, flexstackCredentials } from './cases/flexstack.js';
import { invalidationSuite } from './harness.js';

invalidationSuite('FlexStack mutations purge what they make stale, for every credential', [{ service: 'flexstack', credentials: flexstackCredentials, cases: flexstackCases }]);
