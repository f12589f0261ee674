// A bounded cache keyed by a list of numbers: the list is hashed to pick a bucket and compared in
// full on a hit, so a lookup builds no string (the node chooser looks one up for every sizing pass).

interface Entry<V> {
  readonly key: readonly number[];
  readonly value: V;
}

export class NumbersCache<V> {
  private readonly buckets = new Map<number, Entry<V>[]>();
  private entries = 0;

  constructor(private readonly kept: number) {}

  get(key: readonly number[]): V | undefined {
    const bucket = this.buckets.get(hashOf(key));
    if (bucket) for (const e of bucket) if (sameNumbers(e.key, key)) return e.value;
    return undefined;
  }

  /** Adds an entry; past `kept` entries the oldest bucket goes. */
  set(key: readonly number[], value: V): void {
    const hash = hashOf(key);
    let bucket = this.buckets.get(hash);
    if (!bucket) {
      if (this.entries >= this.kept) this.dropOldest();
      this.buckets.set(hash, (bucket = []));
    }
    bucket.push({ key, value });
    this.entries++;
  }

  private dropOldest(): void {
    const first = this.buckets.keys().next();
    if (first.done) return;
    this.entries -= this.buckets.get(first.value)!.length;
    this.buckets.delete(first.value);
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** FNV-1a over each number's whole part and its first 20 fractional bits. */
function hashOf(key: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const x of key) {
    const whole = Math.trunc(x);
    h = Math.imul(h ^ (whole | 0), 0x01000193);
    h = Math.imul(h ^ (((x - whole) * 0x100000) | 0), 0x01000193);
  }
  return h;
}
