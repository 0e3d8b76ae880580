/**
 * The tab that asks for the microphone where the side panel cannot: the browser's question is
 * answered here, for the extension's origin, and the panel (watching the permission) records.
 */
import '../../components/theme.css';
import { browser } from 'wxt/browser';
import { applyTheme } from '../../components/apply-theme';
import { voiceText } from '../../lib/i18n/messages/voice';
import './style.css';

/** Long enough to read the sentence, short enough not to linger. */
const CLOSE_AFTER_MS = 1500;

applyTheme();
document.title = voiceText('tabTitle');
const title = document.getElementById('title') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
title.textContent = voiceText('tabTitle');
status.textContent = voiceText('tabAsking');

void navigator.mediaDevices.getUserMedia({ audio: true }).then(
  (stream) => {
    // Only the permission was wanted: the panel opens its own stream.
    for (const track of stream.getTracks()) track.stop();
    status.textContent = voiceText('tabAllowed');
    setTimeout(async () => {
      const tab = await browser.tabs.getCurrent();
      if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
    }, CLOSE_AFTER_MS);
  },
  () => {
    status.textContent = voiceText('tabDenied');
  },
);
