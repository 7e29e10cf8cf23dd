/**
 * Concord's `@ConcordKey` rule for organization, project and team names
 * (`ConcordKey.PATTERN` in the server): 3 to 128 characters, starting with a
 * letter or digit. `.` and `..` never match it.
 */
export const concordKeyPattern = /^[0-9a-zA-Z][0-9a-zA-Z_@.\-~]{2,127}$/;

/** The most `/`-separated keys a configuration path may have. */
export const concordMaxCfgDepth = 32;
