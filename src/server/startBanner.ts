/** Where a running gateway answers. */
export interface GatewayPlaces {
  readonly endpoint: string;
  readonly explorer: string | null;
  /** The live board (with the explorer). */
  readonly board: string | null;
  readonly metrics: string;
  readonly health: string;
  readonly readiness: string;
}

/** The gateway's URLs, from the URL of its GraphQL endpoint. */
export function placesOf(endpoint: string, explorer: boolean): GatewayPlaces {
  const origin = new URL(endpoint).origin;
  return {
    endpoint,
    explorer: explorer ? `${origin}/` : null,
    board: explorer ? `${origin}/board` : null,
    metrics: `${origin}/metrics`,
    health: `${origin}/healthz`,
    readiness: `${origin}/readyz`,
  };
}

/** The human-readable lines `npm start` prints besides its JSON logs. */
export function startBanner(places: GatewayPlaces, demoSimulators: Readonly<Record<string, string>> | undefined): string {
  const lines = [
    '',
    `  Switchyard is running${demoSimulators === undefined ? '' : ' in DEMO MODE (simulated upstreams with seeded data)'}`,
    `  Explorer:          ${places.explorer ?? 'off (EXPLORER=false)'}`,
    `  Live board:        ${places.board ?? 'off (EXPLORER=false)'}`,
    `  GraphQL endpoint:  ${places.endpoint}`,
    `  Metrics:           ${places.metrics}`,
    `  Health/readiness:  ${places.health}  ${places.readiness}`,
  ];
  if (demoSimulators !== undefined) {
    for (const [service, url] of Object.entries(demoSimulators)) lines.push(`  Simulator ${service.padEnd(9)} ${url}`);
  }
  return `${lines.join('\n')}\n\n`;
}
