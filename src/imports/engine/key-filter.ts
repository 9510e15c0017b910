// The keys that may be stored where an import writes — those stored when its writer read them and those it stored since —
// remembered in a fixed few megabytes: a Bloom filter. It can answer "maybe" for a key it never met (1 in 50,000
// with a million keys in it, 1 in 60 at its capacity), never "no" for one it met, so a writer that looks up only
// the keys it answers "maybe" for misses none of those rows. Written here rather than
// taken from a package: it is a bit array and two string hashes on the hot path of every record, and the packages
// hash through generic, allocation-heavy code.

/** Keys it holds before it gives up (the writer then looks every key up, as without it). */
const DEFAULT_CAPACITY = 4_000_000;
const BITS_PER_KEY = 8;
const HASHES = 6;

export type KeyFilter = {
  /** Keys it is made for. */
  readonly capacity: number;
  /** False only for a key never added. */
  mightHave(key: string): boolean;
  add(key: string): void;
  /** More keys were added than it was made for: its "maybe" is no longer rare enough to be worth asking. */
  isFull(): boolean;
};

export function createKeyFilter(capacity = DEFAULT_CAPACITY): KeyFilter {
  const bitCount = nextPowerOfTwo(Math.max(1024, capacity * BITS_PER_KEY));
  const mask = bitCount - 1;
  const bits = new Uint32Array(bitCount / 32);
  let added = 0;
  // The two hashes of the key last hashed: kept here, not returned in an array, as this runs for every record.
  let first = 0;
  let second = 0;
  const hash = (key: string): void => {
    // FNV-1a, and a second FNV-1a with another basis made odd: positions h1 + i × h2 (double hashing).
    first = 0x811c9dc5;
    second = 0x01000193 ^ key.length;
    for (let index = 0; index < key.length; index++) {
      const code = key.charCodeAt(index);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
    }
    first >>>= 0;
    second = (second ^ (second >>> 15)) | 1;
  };
  return {
    capacity,
    mightHave(key) {
      hash(key);
      for (let index = 0; index < HASHES; index++) {
        const bit = (first + Math.imul(index, second)) & mask;
        if ((bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
      }
      return true;
    },
    add(key) {
      hash(key);
      for (let index = 0; index < HASHES; index++) {
        const bit = (first + Math.imul(index, second)) & mask;
        bits[bit >>> 5]! |= 1 << (bit & 31);
      }
      added += 1;
    },
    isFull: () => added > capacity,
  };
}

function nextPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}
