/**
 * The bytes of an image a person right-clicked, tried in order:
 * 1. fetching its address from the extension (covers `data:` URLs, the page's own site through
 *    `activeTab`, sites that allow CORS, and every site once all-sites access is granted);
 * 2. for a `blob:` address, reading it inside the page, where it exists;
 * 3. as a last resort, a screenshot of the visible tab cropped to the image's box.
 */
import { browser } from 'wxt/browser';
import { mediaText } from '../i18n/messages/media';
import { ImageProblem } from './compress-image';

export interface ImageLocation {
  srcUrl: string;
  tabId: number;
  frameId?: number;
}

/** A download that takes longer than this is given up, so the next action can run. */
export const IMAGE_TIMEOUT_MS = 15_000;
/** The most bytes read of one image: what compress-image takes in. */
export const MAX_DOWNLOAD_BYTES = 40 * 1024 * 1024;

const tooLarge = () => mediaText('tooLarge', { megabytes: MAX_DOWNLOAD_BYTES / 1024 / 1024 });
const tooSlow = () => mediaText('tooSlow', { count: IMAGE_TIMEOUT_MS / 1000 });

/** The body, read chunk by chunk: refused as soon as it passes `limit` bytes. */
async function readBounded(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return chunks;
      total += value.byteLength;
      if (total > limit) throw new ImageProblem(tooLarge());
      chunks.push(value);
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/**
 * Fetches the image itself, within a time and a size: the `Content-Length` is checked first,
 * then the bytes are counted as they arrive. A site that refuses (no CORS, no access) gives
 * null, so the next way is tried; one too slow or too large ends with its reason.
 */
export async function fetchDirectly(
  srcUrl: string,
  { timeoutMs = IMAGE_TIMEOUT_MS, maxBytes = MAX_DOWNLOAD_BYTES } = {},
): Promise<Blob | null> {
  if (srcUrl.startsWith('blob:')) return null;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(srcUrl, { credentials: 'omit', signal });
  } catch {
    if (signal.aborted) throw new ImageProblem(tooSlow());
    return null; // no CORS and no access to that site: try the next way
  }
  if (!response.ok || !response.body) return null;
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('image/')) return null;
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes)
    throw new ImageProblem(tooLarge());
  try {
    const chunks = await readBounded(response.body, maxBytes);
    const blob = new Blob(chunks as BlobPart[], { type: type.split(';')[0] });
    return blob.size > 0 ? blob : null;
  } catch (error) {
    if (error instanceof ImageProblem) throw error;
    if (signal.aborted) throw new ImageProblem(tooSlow());
    return null;
  }
}

async function readInPage({ srcUrl, tabId, frameId }: ImageLocation): Promise<Blob | null> {
  if (!srcUrl.startsWith('blob:')) return null;
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId, frameIds: frameId === undefined ? undefined : [frameId] },
      args: [srcUrl],
      func: async (url: string) => {
        const blob = await (await fetch(url)).blob();
        return await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(blob);
        });
      },
    });
    const dataUrl = frame?.result;
    return typeof dataUrl === 'string' ? await (await fetch(dataUrl)).blob() : null;
  } catch {
    return null;
  }
}

interface ImageBox {
  left: number;
  top: number;
  width: number;
  height: number;
  viewportWidth: number;
  viewportHeight: number;
}

/**
 * Runs in the page: the image's box in the viewport, in CSS pixels. A crop shows only what is on
 * screen, so an image not wholly in view is scrolled to the middle first. The box is read once the
 * page has drawn two frames in a row without it moving: a screenshot taken then shows the page as
 * measured, not as it was before a scroll or a resize.
 */
async function locateInPage(url: string): Promise<ImageBox | null> {
  const image = [...document.images].find(
    (candidate) => candidate.currentSrc === url || candidate.src === url,
  );
  if (!image) return null;
  const measure = (): ImageBox => {
    const box = image.getBoundingClientRect();
    return {
      left: box.left,
      top: box.top,
      width: box.width,
      height: box.height,
      viewportWidth: innerWidth,
      viewportHeight: innerHeight,
    };
  };
  // Its own copy of sameBox: a function injected into the page can use nothing from outside.
  const same = (a: ImageBox, b: ImageBox) => JSON.stringify(a) === JSON.stringify(b);
  // True once the page starts a frame; false if it draws none for a while (a busy or hidden page).
  const nextFrame = () =>
    new Promise<boolean>((resolve) => {
      requestAnimationFrame(() => resolve(true));
      setTimeout(() => resolve(false), 200);
    });
  let box = measure();
  const inView =
    box.left >= 0 &&
    box.top >= 0 &&
    box.left + box.width <= box.viewportWidth &&
    box.top + box.height <= box.viewportHeight;
  if (!inView) image.scrollIntoView({ block: 'center', inline: 'center' });
  let stillFrames = 0;
  for (let tries = 0; tries < 15 && stillFrames < 2; tries++) {
    const drawn = await nextFrame();
    const again = measure();
    stillFrames = drawn && same(again, box) ? stillFrames + 1 : 0;
    box = again;
  }
  return box;
}

async function locate({ srcUrl, tabId, frameId }: ImageLocation): Promise<ImageBox | null> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId, frameIds: frameId === undefined ? undefined : [frameId] },
    args: [srcUrl],
    func: locateInPage,
  });
  return (frame?.result as ImageBox | null | undefined) ?? null;
}

function sameBox(a: ImageBox, b: ImageBox): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The box cut out of a screenshot of the viewport it was measured in; null if it is not one. */
async function cropTo(screenshot: string, box: ImageBox): Promise<Blob | null> {
  const bitmap = await createImageBitmap(await (await fetch(screenshot)).blob());
  try {
    const scale = bitmap.width / box.viewportWidth; // device pixels per CSS pixel
    // A screenshot of a viewport of another shape was taken after the page was resized.
    if (Math.abs(bitmap.height / scale - box.viewportHeight) > 1) return null;
    const left = Math.max(0, Math.round(box.left * scale));
    const top = Math.max(0, Math.round(box.top * scale));
    const width = Math.min(bitmap.width - left, Math.round(box.width * scale));
    const height = Math.min(bitmap.height - top, Math.round(box.height * scale));
    if (width < 1 || height < 1) return null;
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')?.drawImage(bitmap, left, top, width, height, 0, 0, width, height);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}

/** Chromium allows an extension two screenshots a second. */
const CAPTURE_INTERVAL_MS = 600;

async function cropFromScreenshot(location: ImageLocation): Promise<Blob | null> {
  try {
    const tab = await browser.tabs.get(location.tabId);
    if (!tab.active) throw new ImageProblem(mediaText('switchToTab'));
    // The page can move while the screenshot is taken (the side panel opening beside it narrows
    // it and the text reflows): the box is measured again after, and the crop made only when
    // nothing moved.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, CAPTURE_INTERVAL_MS));
      const box = await locate(location);
      if (!box || box.width < 1 || box.height < 1) return null;
      const screenshot = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
      const after = await locate(location);
      if (!after || !sameBox(box, after)) continue;
      const crop = await cropTo(screenshot, box);
      if (crop) return crop;
    }
    return null;
  } catch (error) {
    if (error instanceof ImageProblem) throw error;
    return null;
  }
}

export async function acquireImage(location: ImageLocation): Promise<Blob> {
  const blob =
    (await fetchDirectly(location.srcUrl)) ??
    (await readInPage(location)) ??
    (await cropFromScreenshot(location));
  if (!blob) {
    throw new ImageProblem(mediaText('notShared'));
  }
  return blob;
}
