/** A member, hook, pipeline or job of a project: the project as addressed (numeric id or full path) and the child's numeric id. */
export interface ProjectChildKey {
  readonly project: string;
  readonly id: number;
}

/** The loader cache key of a {@link ProjectChildKey}. */
export function projectChildKey(key: ProjectChildKey): string {
  return `${key.project}\u0000${key.id}`;
}
