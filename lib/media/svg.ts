/**
 * SVG cannot be decoded by `createImageBitmap`; an <img> can draw it. Needs a page's DOM, so it
 * runs in the side panel.
 */

/** An SVG without its own size is drawn at this width, enough for a model to read it. */
const DEFAULT_SVG_WIDTH = 1024;

export async function rasterizeSvg(svg: Blob): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const width = image.naturalWidth || DEFAULT_SVG_WIDTH;
    const height = image.naturalHeight || Math.round(width * 0.75);
    const scale = Math.max(1, DEFAULT_SVG_WIDTH / width); // vector art: draw small drawings larger
    const canvas = new OffscreenCanvas(Math.round(width * scale), Math.round(height * scale));
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
