import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { LimitSettings } from '../config/limitSettings.js';
import { checkOperationLimits } from './operationLimits.js';

/**
 * An Apollo Server plugin that refuses, once the operation is parsed and
 * validated and before anything runs, an operation over the cost limits:
 * no resolver runs and no upstream is called.
 */
export function operationLimitsPlugin<C extends BaseContext>(limits: LimitSettings): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation === undefined) return;
          const refusal = checkOperationLimits(limits, schema, document, operation, request.variables ?? {});
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}
