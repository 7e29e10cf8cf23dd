import { apiOf, type Api } from '../call.js';
import { circleCiCacheRules } from './cacheRules.js';
import { circleCiOperations } from './operations.js';

/** CircleCI's operations bound to one request's session: a method per operation id. */
export type CircleCiApi = Api<typeof circleCiOperations>;

/** Makes a request's {@link CircleCiApi} from its session (the rules are checked once, here). */
export const circleCiApi = apiOf('circleci', circleCiOperations, circleCiCacheRules);
