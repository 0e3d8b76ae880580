/** The side panel's image code, loaded on first use (see ./image-slots.tsx). */
export { ImageComposer } from './ImageComposer';
export { ImageMessage } from './ImageMessage';
