// The keyboard focus ring as drawn: its colour against the surface it is drawn on (WCAG 2.2's focus
// appearance asks 3:1 or better). The ring sits outside the element (outline-offset), so the surface is the
// nearest ancestor with a background of its own.
import type { Page } from 'puppeteer-core';

export interface FocusRing {
  /** The focused element, as a selector-like name for the failure message. */
  element: string;
  outline: string;
  surface: string;
  /** Contrast ratio of the ring colour against the surface, 1 to 21. */
  ratio: number;
}

const channels = (css: string): [number, number, number] => {
  const match = /rgba?\((\d+(?:\.\d+)?),?\s*(\d+(?:\.\d+)?),?\s*(\d+(?:\.\d+)?)/.exec(css);
  if (!match) throw new Error(`not an sRGB colour: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

const luminance = (css: string): number => {
  const [r, g, b] = channels(css).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG's contrast ratio between two CSS colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Presses Tab `stops` times from the top of the page and reads the ring each focused element shows. */
export async function focusRings(page: Page, stops: number): Promise<FocusRing[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const rings: FocusRing[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const drawn = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      let surface = 'rgb(255, 255, 255)';
      for (let at = element.parentElement; at; at = at.parentElement) {
        const background = getComputedStyle(at).backgroundColor;
        if (!/^rgba\(.*,\s*0\)$/.test(background) && background !== 'transparent') {
          surface = background;
          break;
        }
      }
      const name =
        element.getAttribute('data-testid') || element.id || (element.textContent ?? '').trim().slice(0, 30);
      return {
        element: `${element.tagName.toLowerCase()} ${name}`,
        outline: style.outlineStyle === 'none' || style.outlineWidth === '0px' ? '' : style.outlineColor,
        surface,
      };
    });
    if (drawn === null) break;
    rings.push({
      ...drawn,
      ratio: drawn.outline === '' ? 1 : contrastRatio(drawn.outline, drawn.surface),
    });
  }
  return rings;
}

/** Fails with the list of focus stops, among the first `stops`, whose ring is under 3:1 (or missing). */
export async function expectVisibleFocus(page: Page, stops: number, where: string): Promise<void> {
  const rings = await focusRings(page, stops);
  if (rings.length < 3) throw new Error(`${where}: only ${rings.length} focus stops reached`);
  const faint = rings.filter((ring) => ring.ratio < 3);
  if (faint.length === 0) return;
  const lines = faint.map(
    (r) => `- ${r.element}: ${r.outline || 'no ring'} on ${r.surface}, ${r.ratio.toFixed(2)}:1`,
  );
  throw new Error(`focus ring under 3:1 on ${where}:\n${lines.join('\n')}`);
}
