import { ConfigError } from './ConfigError.js';

/** The OTLP protocols the trace exporter can speak. */
export const otlpProtocols = ['http/protobuf', 'http/json', 'grpc'] as const;

/** An OTLP protocol, as `OTEL_EXPORTER_OTLP_PROTOCOL` names it. */
export type OtlpProtocol = (typeof otlpProtocols)[number];

/**
 * OpenTelemetry tracing, in the standard `OTEL_*` settings: on when an OTLP
 * endpoint is set (and the SDK is not disabled), off otherwise.
 */
export interface TracingSettings {
  readonly enabled: boolean;
  /** Where traces go: the traces endpoint, or the base endpoint (`/v1/traces` is added by the exporter). */
  readonly endpoint: string | undefined;
  readonly protocol: OtlpProtocol;
  /** The `service.name` of the gateway's spans. */
  readonly serviceName: string;
}

/** Every environment variable these settings read (the SDK reads the other `OTEL_*` ones itself). */
export const tracingSettingNames: readonly string[] = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
  'OTEL_SERVICE_NAME',
  'OTEL_SDK_DISABLED',
];

type Env = Readonly<Record<string, string | undefined>>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function endpointOf(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `expected an http or https URL, got "${url.protocol}"`);
  return raw;
}

function protocolOf(env: Env, name: string): OtlpProtocol | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const protocol = otlpProtocols.find((known) => known === raw);
  if (protocol === undefined) throw new ConfigError(name, `expected one of ${otlpProtocols.join(', ')}, got "${raw}"`);
  return protocol;
}

/** Reads the tracing settings; throws a {@link ConfigError} naming a bad one. */
export function loadTracingSettings(env: Env): TracingSettings {
  const base = endpointOf(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const traces = endpointOf(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const protocol = protocolOf(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? protocolOf(env, 'OTEL_EXPORTER_OTLP_PROTOCOL') ?? 'http/protobuf';
  const serviceName = value(env, 'OTEL_SERVICE_NAME') ?? 'switchyard';
  const disabled = value(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true';
  const endpoint = traces ?? base;
  return Object.freeze({ enabled: endpoint !== undefined && !disabled, endpoint, protocol, serviceName });
}
