/** The optional API token, kept in this browser only (localStorage `ets.token`). */
import { useEffect, useState } from 'react';

const KEY = 'ets.token';
const listeners = new Set<() => void>();

export function readToken(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage blocked: reads are often open anyway
  }
}

export function saveToken(token: string): void {
  if (token.trim()) localStorage.setItem(KEY, token.trim());
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authorization(): string | undefined {
  const token = readToken();
  return token ? `Bearer ${token}` : undefined;
}

/** A number that changes with the token: what was loaded or subscribed with the old one is done again. */
export function useTokenGeneration(): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => onTokenChange(() => setGeneration((g) => g + 1)), []);
  return generation;
}
