/** Collects stream pieces and hands out fixed-size blocks without holding more than one block extra. */
export class ByteQueue {
  private pieces: Uint8Array[] = [];
  private length = 0;
  consumed = 0;

  push(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
  }

  get size(): number {
    return this.length;
  }

  /** Removes and returns the first `n` bytes, or null if fewer are buffered. */
  take(n: number): Uint8Array | null {
    if (this.length < n) return null;
    const first = this.pieces[0];
    let out: Uint8Array;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.pieces.shift();
      else this.pieces[0] = first.subarray(n);
    } else {
      out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const piece = this.pieces[0];
        const want = Math.min(n - filled, piece.length);
        out.set(piece.subarray(0, want), filled);
        filled += want;
        if (want === piece.length) this.pieces.shift();
        else this.pieces[0] = piece.subarray(want);
      }
    }
    this.length -= n;
    this.consumed += n;
    return out;
  }

  takeAll(): Uint8Array {
    return this.take(this.length) ?? new Uint8Array(0);
  }
}
