/** A canvas sized to its CSS box at the screen's pixel density, redrawn when what it shows changes. */
import { useLayoutEffect, type DependencyList, type RefObject } from 'react';

export function useCanvasDrawing(
  ref: RefObject<HTMLCanvasElement | null>,
  width: number,
  height: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
  /** What the drawing depends on, besides the size. */
  deps: DependencyList,
): void {
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width <= 0 || height <= 0) return;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    draw(ctx);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `draw` is made anew each render; `deps` says when it differs
  }, [ref, width, height, ...deps]);
}
