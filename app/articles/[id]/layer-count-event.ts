/*
 * The reader and the layer bar are siblings on the article page. The reader announces how
 * many annotations the shown layer holds; the bar updates its count and, for the viewer's
 * own layer, "not started" becomes "in progress" as the server has already recorded.
 */
const EVENT = 'crosscheck:layer-count';

interface LayerCount {
  layerId: number;
  count: number;
}

export function announceLayerCount(layerId: number, count: number): void {
  window.dispatchEvent(new CustomEvent<LayerCount>(EVENT, { detail: { layerId, count } }));
}

export function onLayerCount(listener: (change: LayerCount) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<LayerCount>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
