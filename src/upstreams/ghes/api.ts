import { apiOf, type Api } from '../call.js';
import { ghesCacheRules } from './cacheRules.js';
import { ghesOperations } from './operations.js';

/** GitHub Enterprise Server's operations bound to one request's session: a method per operation id. */
export type GhesApi = Api<typeof ghesOperations>;

/** Makes a request's {@link GhesApi} from its session (the rules are checked once, here). */
export const ghesApi = apiOf('ghes', ghesOperations, ghesCacheRules);
