/** An error to report beside a field's data (one failed source of a merged list, say). */
export interface PartialError {
  readonly error: unknown;
  readonly path: readonly (string | number)[];
}
