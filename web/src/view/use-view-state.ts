/** The view state read from and written to the address bar; Back and Forward move through it. */
import { useCallback, useEffect, useState } from 'react';
import { formatViewState, parseViewState, type ViewState } from './view-state';

/** push: a step the Back button should undo; replace: a refinement (zoom, pan, typing). */
export type HistoryMode = 'push' | 'replace';
export type UpdateView = (change: Partial<ViewState>, mode?: HistoryMode) => void;

export function useViewState(): [ViewState, UpdateView] {
  const [state, setState] = useState(() => parseViewState(location.search));
  useEffect(() => {
    const onPop = () => setState(parseViewState(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback<UpdateView>((change, mode = 'push') => {
    setState((current) => {
      const next = { ...current, ...change };
      const url = `${location.pathname}${formatViewState(next)}`;
      if (url !== `${location.pathname}${location.search}`) history[`${mode}State`](null, '', url);
      return next;
    });
  }, []);
  return [state, update];
}
