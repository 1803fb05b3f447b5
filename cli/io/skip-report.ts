const SHOWN = 10;

/** Counts skipped records by reason and keeps the first few positions so the summary stays short. */
export class SkipReport {
  private readonly byReason = new Map<string, number>();
  private readonly examples: string[] = [];
  total = 0;

  add(file: string, where: string, reason: string): void {
    this.total++;
    const kind = reason.split(":")[0];
    this.byReason.set(kind, (this.byReason.get(kind) ?? 0) + 1);
    if (this.examples.length < SHOWN) this.examples.push(`  skipped ${file} ${where}: ${reason}`);
  }

  render(): string[] {
    if (this.total === 0) return [];
    const reasons = [...this.byReason].map(([k, n]) => `${k}: ${n}`).join(", ");
    const more = this.total > SHOWN ? [`  … and ${this.total - SHOWN} more`] : [];
    return [`  skipped by reason — ${reasons}`, ...this.examples, ...more];
  }
}
