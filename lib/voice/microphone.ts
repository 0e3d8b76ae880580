/**
 * The microphone's permission and stream. A Chromium side panel cannot show the browser's
 * permission question (getUserMedia fails at once), so a Passlight tab asks instead; the
 * permission belongs to the extension's origin, so the panel may then record.
 */
import { browser } from 'wxt/browser';
import type { MicrophonePermission } from './voice-input';

export const MICROPHONE_PAGE = '/microphone.html';
/** How long the panel waits for an answer in the tab before it gives up. */
const ASK_TIMEOUT_MS = 120_000;

async function permissionStatus(): Promise<PermissionStatus | undefined> {
  try {
    return await navigator.permissions.query({ name: 'microphone' as PermissionName });
  } catch {
    return undefined; // Firefox before 131 does not know the name
  }
}

export async function microphonePermission(): Promise<MicrophonePermission> {
  return (await permissionStatus())?.state ?? 'unknown';
}

export function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return Promise.reject(new DOMException('No media devices', 'NotFoundError'));
  }
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true },
  });
}

/** Opens the tab that asks; resolves true once the permission is granted, false otherwise. */
export async function askInTab(): Promise<boolean> {
  const status = await permissionStatus();
  const tab = await browser.tabs.create({ url: browser.runtime.getURL(MICROPHONE_PAGE) });
  return new Promise<boolean>((resolve) => {
    const finish = (allowed: boolean) => {
      clearTimeout(timer);
      if (status) status.onchange = null;
      browser.tabs.onRemoved.removeListener(onClosed);
      resolve(allowed);
    };
    const timer = setTimeout(() => finish(false), ASK_TIMEOUT_MS);
    const onClosed = (tabId: number) => {
      if (tabId === tab.id)
        void microphonePermission().then((state) => finish(state === 'granted'));
    };
    browser.tabs.onRemoved.addListener(onClosed);
    if (status) {
      status.onchange = () => {
        if (status.state === 'granted') finish(true);
        else if (status.state === 'denied') finish(false);
      };
    }
  });
}
