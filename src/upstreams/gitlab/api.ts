import { apiOf, type Api } from '../call.js';
import { gitLabCacheRules } from './cacheRules.js';
import { gitLabOperations } from './operations.js';

/** GitLab's operations bound to one request's session: a method per operation id. */
export type GitLabApi = Api<typeof gitLabOperations>;

/** Makes a request's {@link GitLabApi} from its session (the rules are checked once, here). */
export const gitLabApi = apiOf('gitlab', gitLabOperations, gitLabCacheRules);
