/**
 * A map keyed by two code units packed in 32 bits (`(a << 16) | b`). Such keys lie outside V8's small
 * integers, so a `Map` boxes and hashes each as a double on every probe; this table keeps them in an
 * `Int32Array` with open addressing (linear probing, at most half full).
 */
export class PairMap<V> {
  private keys = new Int32Array(16);
  private used = new Uint8Array(16);
  private values: (V | undefined)[] = new Array(16);
  private count = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let h = (Math.imul(key, 0x9e3779b1) >>> 16) & mask;
    while (this.used[h] === 1 && this.keys[h] !== key) h = (h + 1) & mask;
    return h;
  }

  get(key: number): V | undefined {
    const h = this.slot(key | 0);
    return this.used[h] === 1 ? this.values[h] : undefined;
  }

  set(key: number, value: V): this {
    const k = key | 0;
    let h = this.slot(k);
    if (this.used[h] === 1) {
      this.values[h] = value;
      return this;
    }
    if ((this.count + 1) * 2 > this.keys.length) {
      this.grow();
      h = this.slot(k);
    }
    this.keys[h] = k;
    this.used[h] = 1;
    this.values[h] = value;
    this.count++;
    return this;
  }

  private grow(): void {
    const { keys, used, values } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.values = new Array(size);
    for (let i = 0; i < keys.length; i++) {
      if (used[i] !== 1) continue;
      const h = this.slot(keys[i] as number);
      this.keys[h] = keys[i] as number;
      this.used[h] = 1;
      this.values[h] = values[i];
    }
  }
}
