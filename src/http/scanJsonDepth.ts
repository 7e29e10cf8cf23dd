const quote = 0x22;
const backslash = 0x5c;
const openArray = 0x5b;
const closeArray = 0x5d;
const openObject = 0x7b;
const closeObject = 0x7d;

/**
 * Follows the nesting of JSON text as it arrives, chunk by chunk, without
 * parsing it: counts `[`/`{` against `]`/`}` outside strings (strings and
 * their escapes are skipped, the long runs inside them with `indexOf`, so a
 * body costs about a millisecond per megabyte). `state` is what the previous
 * chunk returned (0 before the first); the result is the state after this
 * chunk, or -1 as soon as the nesting passes `max` levels, wherever that is
 * in the chunk: the rest need not be read. Multi-byte UTF-8 never holds
 * these ASCII bytes, so a chunk may end inside a character. The text is not
 * otherwise checked: JSON.parse does that once it is whole.
 */
export function scanJsonDepth(bytes: Uint8Array, state: number, max: number): number {
  // state = depth × 4 + 2 when inside a string + 1 when the string's last byte was an unfinished escape.
  let depth = state >>> 2;
  let inString = (state & 2) !== 0;
  let escaped = (state & 1) !== 0;
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    if (inString) {
      if (escaped) {
        escaped = false;
        i++;
        continue;
      }
      const next = bytes.indexOf(quote, i);
      const end = next < 0 ? length : next;
      // A quote (or the chunk's end) after an odd run of backslashes is escaped.
      let run = end;
      while (run > i && bytes[run - 1] === backslash) run--;
      const odd = ((end - run) & 1) === 1;
      if (next < 0) {
        escaped = odd;
        break;
      }
      i = next + 1;
      if (!odd) inString = false;
      continue;
    }
    const byte = bytes[i++];
    if (byte === quote) inString = true;
    else if (byte === openArray || byte === openObject) {
      if (++depth > max) return -1;
    } else if ((byte === closeArray || byte === closeObject) && depth > 0) depth--;
  }
  return depth * 4 + (inString ? 2 : 0) + (escaped ? 1 : 0);
}
