/**
 * A Map that forgets everything once it holds `limit` entries and a new key
 * comes: for memos of what clients choose (paths, headers, documents), which
 * must not grow without bound however many distinct values arrive.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
