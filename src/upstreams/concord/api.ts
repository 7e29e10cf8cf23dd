import { apiOf, type Api } from '../call.js';
import { concordCacheRules } from './cacheRules.js';
import { concordOperations } from './operations.js';

/** Concord's operations bound to one request's session: a method per operation id. */
export type ConcordApi = Api<typeof concordOperations>;

/** Makes a request's {@link ConcordApi} from its session (the rules are checked once, here). */
export const concordApi = apiOf('concord', concordOperations, concordCacheRules);
