/** Peak memory of a benchmark child: samples at phase boundaries plus the kernel's max RSS. */
export interface MemoryReport {
  /** RSS and heap once the input is loaded (after a full GC), before the clock starts. */
  baselineRssMB: number;
  baselineHeapMB: number;
  /** Highest sampled heap in use and RSS while the pipeline ran. */
  peakHeapMB: number;
  peakRssMB: number;
  /** The kernel's peak RSS of the whole process (loading included). */
  maxRssMB: number;
  /** What the pipeline added on top of its input. */
  pipelineRssMB: number;
  pipelineHeapMB: number;
}

const MB = 1024 * 1024;

export class MemoryProbe {
  private rss0 = 0;
  private heap0 = 0;
  private rss = 0;
  private heap = 0;

  baseline(): void {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    this.rss0 = this.rss = m.rss;
    this.heap0 = this.heap = m.heapUsed;
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }

  report(): MemoryReport {
    this.sample();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const peakRss = Math.max(this.rss, maxRss > this.rss0 ? maxRss : this.rss);
    const r = (b: number) => Math.round(b / MB);
    return {
      baselineRssMB: r(this.rss0),
      baselineHeapMB: r(this.heap0),
      peakHeapMB: r(this.heap),
      peakRssMB: r(peakRss),
      maxRssMB: r(maxRss),
      pipelineRssMB: r(peakRss - this.rss0),
      pipelineHeapMB: r(this.heap - this.heap0),
    };
  }
}
