// An XLSX workbook's shared strings, which a sheet's cells refer to by index and which must therefore all be at hand
// while the sheet streams. They are kept as UTF-8 in buffers outside the JavaScript heap, with their places in typed
// arrays: about 9 bytes a string besides its text, where an array of strings costs about 40 (a million-row sheet of
// distinct names, e-mails and addresses holds millions), and the heap of the thread that reads the file stays small.

/** Text is kept in chunks of this size; a string never spans two. */
const CHUNK_BYTES = 16 * 1024 * 1024;
/** A string longer than this (in UTF-8) is kept cut to MAX_KEPT_CHARACTERS: far past any cell's limit either way. */
const MAX_STRING_BYTES = 4 * 1024 * 1024;
const MAX_KEPT_CHARACTERS = 1024 * 1024;

export type SharedStrings = {
  /** The string at `index`, or undefined when there is none. */
  get(index: number): string | undefined;
  readonly size: number;
};

export class SharedStringTable implements SharedStrings {
  private readonly chunks: Buffer[] = [];
  private chunkUsed = CHUNK_BYTES;
  /** Per string: its chunk, its start in it, its length in bytes. */
  private chunkOf = new Uint16Array(1024);
  private startOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    let bytes = Buffer.byteLength(text, 'utf8');
    let kept = text;
    if (bytes > MAX_STRING_BYTES) {
      kept = text.slice(0, MAX_KEPT_CHARACTERS);
      bytes = Buffer.byteLength(kept, 'utf8');
    }
    if (this.chunkUsed + bytes > CHUNK_BYTES) {
      this.chunks.push(Buffer.allocUnsafe(CHUNK_BYTES));
      this.chunkUsed = 0;
    }
    if (this.count === this.startOf.length) this.grow();
    const chunk = this.chunks.length - 1;
    const written = this.chunks[chunk]!.write(kept, this.chunkUsed, 'utf8');
    this.chunkOf[this.count] = chunk;
    this.startOf[this.count] = this.chunkUsed;
    this.lengthOf[this.count] = written;
    this.chunkUsed += written;
    this.count++;
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const start = this.startOf[index]!;
    return this.chunks[this.chunkOf[index]!]!.toString('utf8', start, start + this.lengthOf[index]!);
  }

  private grow(): void {
    const capacity = this.startOf.length * 2;
    const chunkOf = new Uint16Array(capacity);
    chunkOf.set(this.chunkOf);
    this.chunkOf = chunkOf;
    const startOf = new Uint32Array(capacity);
    startOf.set(this.startOf);
    this.startOf = startOf;
    const lengthOf = new Uint32Array(capacity);
    lengthOf.set(this.lengthOf);
    this.lengthOf = lengthOf;
  }
}
