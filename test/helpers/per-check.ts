import type { PerCheck } from '../../src/text/patterns.js';

/** A check's store, as the kernel gives one to every check (RuleContext.memo). */
export function perCheck(): PerCheck {
  const store = new Map<object, unknown>();
  return {
    get<T>(key: object, build: () => T): T {
      if (!store.has(key)) store.set(key, build());
      return store.get(key) as T;
    },
  };
}
