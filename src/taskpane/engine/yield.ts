/** Giving the browser a turn (paint, input) between chunks of work, and stopping when asked. */
import { WorkbookError } from '../../workbook/gateway';

export const CANCELLED_MESSAGE = 'Đã hủy. (Cancelled.)';

export function cancelled(): WorkbookError {
  return new WorkbookError(CANCELLED_MESSAGE, 'cancelled');
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled();
}

/** Resolves on a later task (not a microtask), so React can render and the user can press Cancel. */
export function yieldToUi(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => (signal?.aborted ? reject(cancelled()) : resolve()), 0);
  });
}

/** Runs `fn` over `items`, yielding every `every` items. */
export async function forEachChunked<T>(items: readonly T[], fn: (item: T, index: number) => void, signal?: AbortSignal, every = 20_000): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await yieldToUi(signal);
    fn(items[i]!, i);
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof WorkbookError && e.code === 'cancelled';
}
