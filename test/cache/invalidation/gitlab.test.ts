import { gitlabCases, gitlabCredentials } from './cases/gitlab.js';
import { invalidationSuite } from './harness.js';

invalidationSuite('GitLab mutations purge what they make stale, for every credential', [{ service: 'gitlab', credentials: gitlabCredentials, cases: gitlabCases }]);
