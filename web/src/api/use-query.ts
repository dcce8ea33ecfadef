/**
 * A query as React state: loading, data (kept while the next one loads), error, reload.
 * It runs again when its variables change, when `refresh` changes (live changes arrived),
 * and when the token changes. With `enabled` false it asks nothing and holds no data.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from './__generated__/graphql';
import { asApiError, type ApiError, request } from './client';
import { useTokenGeneration } from './token';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  refresh = 0,
  enabled = true,
): QueryState<TResult> {
  const [state, setState] = useState<{ data?: TResult; error?: ApiError; loading: boolean }>({ loading: false });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const tokenGeneration = useTokenGeneration();
  // Variables are compared by value: callers build them fresh on every render.
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!enabled) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    request(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ data: s.data, error: asApiError(error), loading: false }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `document` is fixed per call site
  }, [key, generation, tokenGeneration, refresh, enabled]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
