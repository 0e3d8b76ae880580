import { useEffect, useMemo } from 'preact/hooks';

/** A `blob:` URL for the component's life: images are shown from bytes Passlight holds, never from a remote address. */
export function useBlobUrl(blob: Blob | undefined): string | undefined {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url;
}
