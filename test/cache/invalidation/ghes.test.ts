import { ghesCases, ghesCredentials } from './cases/ghes.js';
import { invalidationSuite } from './harness.js';

invalidationSuite('GHES mutations purge what they make stale, for every credential', [{ service: 'ghes', credentials: ghesCredentials, cases: ghesCases }]);
