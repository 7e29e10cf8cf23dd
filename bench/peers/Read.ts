/**
 * A logical read as the peers benchmark runs it on each target: the REST calls
 * a client would make itself, and the GraphQL request each server that can
 * express it answers. Every form reduces its answer to the same summary, so
 * targets are checked against each other, not only for the absence of errors.
 */
import type { Agent } from 'undici';

/** Servers the benchmark compares against direct REST. */
/** `floor`: the plain Node server of bench/floor, which answers the Switchyard requests of the pipeline and dashboard reads with no GraphQL. */
export type Server = 'switchyard' | 'hive' | 'tailcall' | 'floor';

/** One GraphQL request and how to reduce its `data` to the read's summary. */
export interface GraphqlForm {
  /** The request body (query and variables). */
  readonly body: string;
  summarize(data: unknown): string;
}

/** A read: its direct REST form, and its GraphQL form on each server that can express it. */
export interface Read {
  /** Short name, for the table. */
  readonly name: string;
  /** What it reads, for the heading. */
  readonly title: string;
  /** Upstream calls one operation makes, one after the other: what a cold answer costs in latency. */
  readonly depth: number;
  /** The calls a client would make itself; resolves with the summary. */
  direct(agent: Agent): Promise<string>;
  readonly forms: Readonly<Partial<Record<Server, GraphqlForm>>>;
  /** Why the servers without a form cannot express the read. */
  readonly unsupported?: string;
}

/** The simulators' base URLs and demo credentials, by service. */
export interface Upstreams {
  readonly urls: Readonly<Record<string, string | undefined>>;
  readonly tokens: Readonly<Record<string, string | undefined>>;
}

/** An upstream's base URL or credential; throws when the simulators did not report it. */
export function required(values: Readonly<Record<string, string | undefined>>, service: string): string {
  const value = values[service];
  if (value === undefined) throw new Error(`no ${service} simulator`);
  return value;
}
