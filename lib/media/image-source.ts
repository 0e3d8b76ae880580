/**
 * The bytes of an image a person right-clicked, tried in order:
 * 1. fetching its address from the extension (covers `data:` URLs, the page's own site through
 *    `activeTab`, sites that allow CORS, and every site once all-sites access is granted);
 * 2. for a `blob:` address, reading it inside the page, where it exists;
 * 3. as a last resort, a screenshot of the visible tab cropped to the image's box.
 */
import { browser } from 'wxt/browser';
import { ImageProblem } from './compress-image';

export interface ImageLocation {
  srcUrl: string;
  tabId: number;
  frameId?: number;
}

async function fetchDirectly(srcUrl: string): Promise<Blob | null> {
  if (srcUrl.startsWith('blob:')) return null;
  try {
    const response = await fetch(srcUrl, { credentials: 'omit' });
    if (!response.ok) return null;
    const blob = await response.blob();
    return blob.size > 0 && blob.type.startsWith('image/') ? blob : null;
  } catch {
    return null; // no CORS and no access to that site: try the next way
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
}

async function cropFromScreenshot({ srcUrl, tabId, frameId }: ImageLocation): Promise<Blob | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active)
      throw new ImageProblem('Switch to the tab with the image, then choose Describe image again.');
    const [frame] = await browser.scripting.executeScript({
      target: { tabId, frameIds: frameId === undefined ? undefined : [frameId] },
      args: [srcUrl],
      func: (url: string) => {
        const image = [...document.images].find(
          (candidate) => candidate.currentSrc === url || candidate.src === url,
        );
        if (!image) return null;
        const box = image.getBoundingClientRect();
        const outside =
          box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth;
        if (outside) image.scrollIntoView({ block: 'center', inline: 'center' });
        const shown = image.getBoundingClientRect();
        return {
          left: shown.left,
          top: shown.top,
          width: shown.width,
          height: shown.height,
          viewportWidth: innerWidth,
        };
      },
    });
    const box = frame?.result as ImageBox | null | undefined;
    if (!box || box.width < 1 || box.height < 1) return null;
    const screenshot = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    const bitmap = await createImageBitmap(await (await fetch(screenshot)).blob());
    const scale = bitmap.width / box.viewportWidth; // device pixels per CSS pixel
    const left = Math.max(0, Math.round(box.left * scale));
    const top = Math.max(0, Math.round(box.top * scale));
    const width = Math.min(bitmap.width - left, Math.round(box.width * scale));
    const height = Math.min(bitmap.height - top, Math.round(box.height * scale));
    if (width < 1 || height < 1) return null;
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')?.drawImage(bitmap, left, top, width, height, 0, 0, width, height);
    bitmap.close();
    return await canvas.convertToBlob({ type: 'image/png' });
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
    throw new ImageProblem(
      'Passlight could not read this image: the site does not share it, and it is not visible on screen to capture.',
    );
  }
  return blob;
}
