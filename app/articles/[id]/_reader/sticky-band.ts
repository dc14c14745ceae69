'use client';

/** Elements that stay on screen over the article while it scrolls. */
const COVERS_TOP = '.site-header, .legend';
const COVERS_BOTTOM = '.status-bar';
/** Room kept between the caret and a sticky edge, so a line is never half hidden. */
const MARGIN_PX = 8;

/** The part of the window where article text is not covered by the sticky header, legend or status bar. */
export function uncoveredBand(): { top: number; bottom: number } {
  let top = 0;
  for (const element of Array.from(document.querySelectorAll(COVERS_TOP))) top = Math.max(top, element.getBoundingClientRect().bottom);
  let bottom = window.innerHeight;
  for (const element of Array.from(document.querySelectorAll(COVERS_BOTTOM))) bottom = Math.min(bottom, element.getBoundingClientRect().top);
  return { top, bottom };
}

/** Scrolls the window just enough that `rect` (the caret, a selection's end) lies in the uncovered band. */
export function keepInView(rect: { top: number; bottom: number }): void {
  const band = uncoveredBand();
  if (rect.top < band.top + MARGIN_PX) window.scrollBy({ top: rect.top - band.top - MARGIN_PX, behavior: 'instant' });
  else if (rect.bottom > band.bottom - MARGIN_PX) window.scrollBy({ top: rect.bottom - band.bottom + MARGIN_PX, behavior: 'instant' });
}

/**
 * Keeps `--reader-covered-top` and `--reader-covered-bottom` on the root element equal to the
 * heights of the sticky header + legend and of the status bar, for `scroll-padding` (focus and
 * scrollIntoView then stop short of them). Returns the clean-up.
 */
export function trackCoveredEdges(): () => void {
  const root = document.documentElement;
  const measure = () => {
    const top = Array.from(document.querySelectorAll<HTMLElement>(COVERS_TOP)).reduce((sum, element) => sum + element.offsetHeight, 0);
    const bottom = Array.from(document.querySelectorAll<HTMLElement>(COVERS_BOTTOM)).reduce((sum, element) => Math.max(sum, element.offsetHeight), 0);
    root.style.setProperty('--reader-covered-top', `${top}px`);
    root.style.setProperty('--reader-covered-bottom', `${bottom}px`);
  };
  measure();
  const observer = new ResizeObserver(measure);
  for (const element of Array.from(document.querySelectorAll(`${COVERS_TOP}, ${COVERS_BOTTOM}`))) observer.observe(element);
  return () => {
    observer.disconnect();
    root.style.removeProperty('--reader-covered-top');
    root.style.removeProperty('--reader-covered-bottom');
  };
}
