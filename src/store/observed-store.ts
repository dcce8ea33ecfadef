/** An EventStore that reports each call (method, duration, outcome) to a listener. */
import type { EventStore } from '../domain/event-store';

export interface StoreCall {
  method: keyof EventStore;
  ms: number;
  error?: unknown;
}

export type StoreCallListener = (call: StoreCall) => void;

export function observeStore(store: EventStore, listener: StoreCallListener): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = property as keyof EventStore;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          listener({ method, ms: performance.now() - started });
          return result;
        } catch (error) {
          listener({ method, ms: performance.now() - started, error });
          throw error;
        }
      };
    },
  });
}
