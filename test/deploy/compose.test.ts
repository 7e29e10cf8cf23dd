import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceSettings, settingNames } from '../../src/config/config.js';
import { serviceNames } from '../../src/config/ServiceName.js';
import { standalonePorts, startSimulators, type RunningSimulators } from '../../src/simulators/startSimulators.js';

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  expose?: string[];
  ports?: string[];
  volumes?: string[];
  deploy?: { replicas?: number };
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const dockerfile = readFileSync('Dockerfile', 'utf8');

let simulators: RunningSimulators;
beforeAll(async () => {
  simulators = await startSimulators();
});
afterAll(async () => {
  await simulators?.close();
});

/** The services built from this repository's Dockerfile. */
const built = Object.entries(services).filter(([, service]) => service.build !== undefined);

function gatewayEnv(): Record<string, string> {
  return services['gateway']?.environment ?? {};
}

describe('docker-compose.yml', () => {
  it('builds from the Dockerfile, and the Dockerfile runs the gateway as a non-root user with a health check', () => {
    expect(built.map(([name]) => name).sort()).toEqual(['gateway', 'simulators']);
    for (const [, service] of built) {
      expect(service.build).toBe('.');
      expect(existsSync('Dockerfile')).toBe(true);
    }
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^EXPOSE 4000$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    // The image runs what `npm run build` compiles (and bundles), with no TypeScript loader.
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(packageJson.scripts['build']).toMatch(/^tsc -p tsconfig\.build\.json && .*--copy-to dist\/src\/explorer\/assets$/);
    expect(dockerfile).toMatch(/^COPY --from=build --chown=node:node \/app\/dist \.\/dist$/m);
    expect(dockerfile.split('\n').filter((line) => !line.startsWith('#') && /\btsx\b/.test(line))).toEqual([]);
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    const args = JSON.parse(cmd ?? '[]') as string[];
    expect(args).toEqual(['node', 'dist/src/main.js']);
    expect(existsSync('src/main.ts')).toBe(true);
    // What the Dockerfile copies exists.
    for (const match of dockerfile.matchAll(/^COPY (?!--from)(?:--chown=\S+ )?(.+) \S+$/gm)) {
      for (const path of (match[1] as string).split(' ')) expect(existsSync(path), path).toBe(true);
    }
  });

  it('runs the simulators compiled, as the gateway runs: the image has no tsx', () => {
    const command = services['simulators']?.command ?? [];
    expect(command).toEqual(['node', 'dist/src/simulators/main.js']);
    expect(packageJson.scripts['simulators']).toBe('tsx src/simulators/main.ts');
    expect(existsSync('src/simulators/main.ts')).toBe(true);
  });

  it('sets only settings the gateway reads', () => {
    for (const [name, service] of built) {
      for (const key of Object.keys(service.environment ?? {})) expect(settingNames, `${name}: ${key}`).toContain(key);
    }
  });

  it('points every service URL at the simulators container on its fixed port, with its demo credential', () => {
    const env = gatewayEnv();
    expect(services['simulators']?.environment?.['HOST']).toBe('0.0.0.0');
    expect(services['simulators']?.expose).toEqual(Object.values(standalonePorts).map(String));
    for (const service of serviceNames) {
      const names = serviceSettings[service];
      const url = new URL(env[names.url] ?? '');
      expect(url.hostname, service).toBe('simulators');
      expect(Number(url.port), service).toBe(standalonePorts[service]);
      expect(env[names.token], service).toBe(`demo-${service}-token`);
      // Where this build has the simulator, its base path and token must match exactly.
      const running = simulators.urls[service];
      if (running !== undefined) {
        expect(url.pathname, service).toBe(new URL(running).pathname);
        expect(env[names.token], service).toBe(simulators.tokens[service]);
      }
    }
  });

  it('runs at least two gateway replicas sharing Redis, on the port the load balancer sends to', () => {
    const gateway = services['gateway'] as ComposeService;
    expect(gateway.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(gateway.ports).toBeUndefined();
    const env = gatewayEnv();
    expect(new URL(env['REDIS_URL'] ?? '').hostname).toBe('redis');
    expect(services['redis']).toBeDefined();

    const lb = services['lb'] as ComposeService;
    const mount = (lb.volumes ?? [])[0]?.split(':') ?? [];
    const configFile = (mount[0] ?? '').replace(/^\.\//, '');
    expect(existsSync(configFile)).toBe(true);
    const config = readFileSync(configFile, 'utf8');
    const server = /^\s*server-template \S+ \d+ (\S+):(\d+)/m.exec(config);
    expect(server?.[1]).toBe('gateway');
    expect(server?.[2]).toBe(env['PORT']);
    expect(config).toMatch(/http-check send meth GET uri \/readyz/);
    // /readyz answers 200 while ready or degraded (Redis down), 503 only while draining.
    expect(config).toMatch(/http-check expect status 200$/m);
    expect(config).toMatch(/timeout tunnel/);
    const bind = /^\s*bind :(\d+)$/m.exec(config)?.[1];
    // One published port, onto the load balancer.
    const published = Object.values(services).flatMap((service) => service.ports ?? []);
    expect(published).toEqual([`4000:${bind}`]);
  });
});
