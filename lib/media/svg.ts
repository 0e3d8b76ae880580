/**
 * SVG cannot be decoded by `createImageBitmap`; an <img> can draw it. That needs a page's DOM,
 * so it runs in the side panel, on its main thread, where drawing cannot be interrupted: the
 * markup is measured first (./svg-budget.ts) and a drawing over budget is refused before anything
 * draws it, so a hostile SVG cannot freeze Passlight's pages. Decoding has a time limit too.
 */
import {
  assertSvgMarkupAcceptable,
  drawnElementCount,
  SVG_MAX_BYTES,
  SvgTooComplexError,
} from './svg-budget';

/** An SVG without its own size is drawn at this width, enough for a model to read it. */
const DEFAULT_SVG_WIDTH = 1024;
/** The longest side drawn: more pixels tell a model nothing more about a drawing. */
const MAX_SVG_SIDE = 2048;
/** A drawing that has passed the budget decodes in milliseconds; this is the backstop. */
const DECODE_TIME_LIMIT_MS = 5000;

/** Measures the markup, refusing it with SvgTooComplexError when over budget. */
async function assertWithinBudget(svg: Blob): Promise<void> {
  // Bytes of UTF-8, up to four a character: past this the markup is over budget unread.
  if (svg.size > 4 * SVG_MAX_BYTES) throw new SvgTooComplexError();
  const markup = await svg.text();
  assertSvgMarkupAcceptable(markup);
  const document = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = document.documentElement;
  if (root.localName !== 'svg' || document.getElementsByTagName('parsererror').length > 0) {
    throw new Error('not an SVG drawing');
  }
  let drawn: number;
  try {
    drawn = drawnElementCount(root);
  } catch {
    drawn = Number.POSITIVE_INFINITY; // nested past the call stack: far over any budget
  }
  if (!Number.isFinite(drawn)) throw new SvgTooComplexError();
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SvgTooComplexError()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function rasterizeSvg(svg: Blob): Promise<Blob> {
  await assertWithinBudget(svg);
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await withinTime(image.decode(), DECODE_TIME_LIMIT_MS);
    const width = image.naturalWidth || DEFAULT_SVG_WIDTH;
    const height = image.naturalHeight || Math.round(width * 0.75);
    // Vector art: small drawings are drawn larger, huge ones no larger than MAX_SVG_SIDE.
    const scale = Math.min(
      Math.max(1, DEFAULT_SVG_WIDTH / width),
      MAX_SVG_SIDE / Math.max(width, height),
    );
    const canvas = new OffscreenCanvas(
      Math.max(1, Math.round(width * scale)),
      Math.max(1, Math.round(height * scale)),
    );
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}
