/**
 * Maps `items` through `fn` with at most `window` calls in flight, yielding the results in input
 * order. The input is pulled only as results are taken, so a slow consumer slows the reading, and a
 * result finished early waits (counted in the window) until those before it are out.
 */
export async function* orderedMap<T, R>(items: Iterable<T> | AsyncIterable<T>, window: number, fn: (item: T) => Promise<R>): AsyncGenerator<R, void, undefined> {
  const limit = Math.max(1, Math.floor(window));
  const pending: Promise<R>[] = [];
  const source = Symbol.asyncIterator in items ? (items as AsyncIterable<T>)[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]();
  let done = false;
  try {
    for (;;) {
      while (!done && pending.length < limit) {
        const next = await source.next();
        if (next.done) done = true;
        else {
          const p = fn(next.value);
          // Awaited in order below; meanwhile a rejection is not an unhandled one.
          p.catch(() => {});
          pending.push(p);
        }
      }
      const head = pending.shift();
      if (!head) return;
      yield await head;
    }
  } finally {
    if (!done) await source.return?.();
  }
}
