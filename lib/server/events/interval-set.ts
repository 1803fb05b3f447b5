/** Disjoint, sorted closed intervals [from, to] of epoch ms; adding merges overlaps. */
export class IntervalSet {
  private readonly froms: number[] = [];
  private readonly tos: number[] = [];

  add(from: number, to: number): void {
    // The first interval that ends at or after `from`, and every following one that starts by `to`, merge.
    const lo = this.firstEndingFrom(from);
    let hi = lo;
    while (hi < this.froms.length && this.froms[hi] <= to) hi++;
    if (hi > lo) {
      from = Math.min(from, this.froms[lo]);
      to = Math.max(to, this.tos[hi - 1]);
    }
    this.froms.splice(lo, hi - lo, from);
    this.tos.splice(lo, hi - lo, to);
  }

  contains(time: number): boolean {
    const i = this.firstEndingFrom(time);
    return i < this.froms.length && this.froms[i] <= time;
  }

  covers(from: number, to: number): boolean {
    const i = this.firstEndingFrom(from);
    return i < this.froms.length && this.froms[i] <= from && this.tos[i] >= to;
  }

  private firstEndingFrom(time: number): number {
    let lo = 0;
    let hi = this.tos.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tos[mid] < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
