/** The README's examples, bundled at build time from `examples/` (see src/explorer/build.ts). */
declare module 'switchyard:examples' {
  /** One example: a tab of the explorer. */
  export interface BundledExample {
    readonly file: string;
    readonly name: string;
    readonly type: 'query' | 'mutation' | 'subscription';
    /** The file's text. */
    readonly query: string;
    /** JSON of its variables, when it has any. */
    readonly variables?: string;
  }
  /** The dashboard first, then the other examples. */
  export const examples: readonly BundledExample[];
}
