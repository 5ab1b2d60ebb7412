/** Adds `value` to the list of `key` in `map`, making the list when it is the key's first. */
export function listIn<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values === undefined) {
    map.set(key, [value]);
  } else {
    values.push(value);
  }
}
