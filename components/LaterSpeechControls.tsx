/**
 * Read aloud's controls, loaded after first paint: they show only while a reading runs or has
 * something to say, so a page paints without them and they take their place a moment later.
 */
import { lazy } from '../lib/markdown/lazy';
import { useLazy } from './use-lazy';

const speechControls = lazy(() => import('./SpeechControls'));

export function LaterSpeechControls() {
  const loaded = useLazy(speechControls);
  return loaded ? <loaded.SpeechControls /> : null;
}
