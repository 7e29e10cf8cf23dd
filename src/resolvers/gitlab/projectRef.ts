import type { GatewayContext } from '../../context/GatewayContext.js';

/**
 * The numeric id of a project named by id or full path. Global ids hold the
 * numeric id so that one object has one id however it was reached; a path
 * costs one (cached) project read.
 */
export async function numericProjectId(ref: string, { loaders }: GatewayContext): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  return (await loaders.gitlab.project.load(ref)).id;
}

/** The global-id key of a member or hook: `<project id>:<user or hook id>`. */
export function childKeyOf(projectId: number, id: number): string {
  return `${projectId}:${id}`;
}

/** Reads a key made by {@link childKeyOf}; null when it is not one. */
export function parseChildKey(key: string): { project: string; id: number } | null {
  const match = /^(\d+):(\d+)$/.exec(key);
  return match === null ? null : { project: match[1] as string, id: Number(match[2]) };
}
