import { apiOf, type Api } from '../call.js';
import { flexStackCacheRules } from './cacheRules.js';
import { flexStackOperations } from './operations.js';

/** FlexStack's operations bound to one request's session: a method per operation id. */
export type FlexStackApi = Api<typeof flexStackOperations>;

/** Makes a request's {@link FlexStackApi} from its session (the rules are checked once, here). */
export const flexStackApi = apiOf('flexstack', flexStackOperations, flexStackCacheRules);
