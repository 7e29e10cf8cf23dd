import type { ServiceName } from '../config/ServiceName.js';
import type { ServiceProtocol } from './http/types.js';
import { circleCiProtocol } from './circleci/protocol.js';
import { ghesProtocol } from './ghes/protocol.js';
import { gitLabProtocol } from './gitlab/protocol.js';
import { concordProtocol } from './concord/protocol.js';
import { flexStackProtocol } from './flexstack/protocol.js';

/** How to speak to each service. */
export const protocols: Readonly<Record<ServiceName, ServiceProtocol>> = {
  circleci: circleCiProtocol,
  ghes: ghesProtocol,
  gitlab: gitLabProtocol,
  concord: concordProtocol,
  flexstack: flexStackProtocol,
};
