/**
 * A component part that arrives after first paint: the module once it has loaded (the component
 * renders again then), undefined until it has.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lazy } from '../lib/markdown/lazy';

export function useLazy<T>(module: Lazy<T>): T | undefined {
  const [loaded, setLoaded] = useState<T | undefined>(() => module.now());
  useEffect(() => {
    if (loaded !== undefined) return;
    let mounted = true;
    module.whenLoaded((arrived) => {
      if (mounted) setLoaded(() => arrived);
    });
    return () => {
      mounted = false;
    };
  }, [module, loaded]);
  return loaded;
}
