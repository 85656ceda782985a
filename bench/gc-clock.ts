/** Time spent in garbage collection since construction (V8 "gc" performance entries). */
import { PerformanceObserver } from 'node:perf_hooks';

export class GcClock {
  private ms = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.ms += e.duration;
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Lets pending entries arrive (they are delivered asynchronously), then returns the total. */
  async total(): Promise<number> {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    return this.ms;
  }

  stop(): void {
    this.observer.disconnect();
  }
}
