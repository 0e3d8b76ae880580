import { CopyButton } from './CopyButton';

/** A redirect URI to register with a provider, shown whole and selectable, with a Copy button. */
export function RedirectUri({ uri, label, id }: { uri: string; label: string; id?: string }) {
  return (
    <div class="redirect-row">
      <code id={id} class="redirect-uri">
        {uri}
      </code>
      <CopyButton text={uri} label={label} />
    </div>
  );
}
