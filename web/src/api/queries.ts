/**
 * The UI's server state, in TanStack Query: each GraphQL query is cached under its operation
 * name and variables and fetched with `request`, which the cache aborts when no view needs
 * the answer any more. Live changes refresh entries through the same cache (live/).
 */
import { keepPreviousData, QueryClient, useQuery, type Query, type QueryKey } from '@tanstack/react-query';
import type { TypedDocumentString } from './__generated__/graphql';
import { asApiError, type ApiError, request } from './client';
import { onTokenChange } from './token';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A GraphQL error comes back the same when asked again; the error states offer "Try again".
      retry: false,
      // Live changes keep what is on screen current; a refocus would load 5,000 events again.
      refetchOnWindowFocus: false,
      // ETS is often on this machine or the local network: "offline" says nothing about it,
      // and a failed request says what is wrong (ETS cannot be reached) instead of waiting.
      networkMode: 'always',
    },
  },
});

// A new token may read what the old one could not: ask again, keeping what is shown.
onTokenChange(() => void queryClient.invalidateQueries());

const names = new WeakMap<object, string>();

export function operationName(document: TypedDocumentString<unknown, never>): string {
  let name = names.get(document);
  if (name === undefined) {
    name = /\b(?:query|subscription|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? document.toString();
    names.set(document, name);
  }
  return name;
}

export function queryKeyOf<TVariables>(document: TypedDocumentString<unknown, TVariables>, variables: TVariables) {
  return [operationName(document), variables] as const;
}

/** The cached queries of these operations. */
export function ofOperations(...documents: Array<TypedDocumentString<unknown, never>>) {
  const wanted = new Set(documents.map(operationName));
  return (query: Query) => wanted.has(query.queryKey[0] as string);
}

export interface GraphQLQueryOptions {
  /** False: ask nothing (the answer, if any, is not wanted). */
  enabled?: boolean;
  /** Keep the previous answer on screen while the one for new variables loads (the default). */
  keepPrevious?: boolean;
}

export function useGraphQLQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { enabled = true, keepPrevious = true }: GraphQLQueryOptions = {},
) {
  return useQuery({
    queryKey: queryKeyOf(document, variables) as QueryKey,
    queryFn: ({ signal }) =>
      request(document, variables, signal).catch((error: unknown) => {
        throw asApiError(error);
      }),
    enabled,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}
