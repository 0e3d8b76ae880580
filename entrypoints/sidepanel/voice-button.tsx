/**
 * The composer's microphone button and the panel's shortcut: press to record, press again to
 * stop, or hold and release. This file is all the side panel's first paint carries of voice:
 * the recording code and its messages load with `import()` on the first press.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { voiceButtonText } from '../../lib/i18n/messages/voice-buttons';
import { isVoiceShortcut, VOICE_SHORTCUT_LABEL } from '../../lib/voice/shortcut';
import type { ChatModel } from './chat-model';
import type { PanelVoice, PanelVoiceHooks } from './VoiceBar';

/** A press held longer than this is push-to-talk: releasing it stops. */
const HOLD_MS = 400;

type VoiceModule = typeof import('./VoiceBar');

export interface LazyVoice {
  loaded: Signal<{ module: VoiceModule; voice: PanelVoice } | null>;
  /** A press: loads the voice code the first time, then starts or stops. */
  press(): Promise<'started' | 'stopped' | 'other'>;
  release(heldMs: number): void;
}

/** The voice code, loaded on the first press and kept for the panel's life. */
export function useLazyVoice(hooks: PanelVoiceHooks): LazyVoice {
  const loaded = useSignal<{ module: VoiceModule; voice: PanelVoice } | null>(null);
  const loading = useRef<Promise<PanelVoice> | null>(null);
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;
  const lazy = useRef<LazyVoice | null>(null);
  if (!lazy.current) {
    const ensure = () => {
      loading.current ??= import('./VoiceBar').then((module) => {
        const voice = module.createPanelVoice({
          append: (text) => hooksRef.current.append(text),
          send: () => hooksRef.current.send(),
        });
        loaded.value = { module, voice };
        return voice;
      });
      return loading.current;
    };
    lazy.current = {
      loaded,
      async press() {
        const voice = await ensure();
        const before = voice.input.status.peek();
        void voice.input.toggle(); // not awaited: a press returns while recording goes on
        return before === 'idle' ? 'started' : before === 'recording' ? 'stopped' : 'other';
      },
      release(heldMs) {
        const input = loaded.peek()?.voice.input;
        if (!input || heldMs < HOLD_MS) return;
        // Released before the microphone was open: nothing was said into it, so nothing is kept.
        if (input.status.peek() === 'recording') void input.stop();
        else if (input.status.peek() === 'opening') input.cancel();
      },
    };
  }
  return lazy.current;
}

/** The shortcut, for the whole panel; a held shortcut stops when its key is released. */
export function useVoiceShortcut(lazy: LazyVoice): void {
  useEffect(() => {
    let pressedAt: number | null = null;
    const onDown = (event: KeyboardEvent) => {
      if (!isVoiceShortcut(event)) return;
      event.preventDefault();
      if (event.repeat) return;
      const at = performance.now();
      void lazy.press().then((result) => {
        pressedAt = result === 'started' ? at : null;
      });
    };
    const onUp = (event: KeyboardEvent) => {
      if (event.code !== 'KeyV' || pressedAt === null) return;
      lazy.release(performance.now() - pressedAt);
      pressedAt = null;
    };
    document.addEventListener('keydown', onDown);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('keydown', onDown);
      document.removeEventListener('keyup', onUp);
    };
  }, [lazy]);
}

export function MicButton({ lazy }: { lazy: LazyVoice }) {
  const recording = lazy.loaded.value?.voice.input.status.value === 'recording';
  const pressedAt = useRef<number | null>(null);
  const name = recording ? voiceButtonText('stopRecording') : voiceButtonText('speak');
  return (
    <button
      type="button"
      class={`btn icon-btn mic-btn${recording ? ' mic-recording' : ''}`}
      aria-label={name}
      title={
        recording ? name : voiceButtonText('speakShortcut', { shortcut: VOICE_SHORTCUT_LABEL })
      }
      aria-pressed={recording}
      aria-keyshortcuts={VOICE_SHORTCUT_LABEL}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        const at = performance.now();
        void lazy.press().then((result) => {
          pressedAt.current = result === 'started' ? at : null;
        });
      }}
      onPointerUp={() => {
        if (pressedAt.current === null) return;
        lazy.release(performance.now() - pressedAt.current);
        pressedAt.current = null;
      }}
      onClick={(event) => {
        // Enter or Space (detail 0): the pointer handlers already took mouse and touch presses.
        if (event.detail === 0) void lazy.press();
      }}
    >
      <Icon name="mic" />
    </button>
  );
}

/** The voice bar's place in the composer: empty until the first press. */
export function VoiceSlot({ lazy, chat }: { lazy: LazyVoice; chat: ChatModel }) {
  const loaded = lazy.loaded.value;
  return loaded ? <loaded.module.VoiceBar voice={loaded.voice} chat={chat} /> : null;
}

/** Hands-free reading of finished answers; its code loads after first paint. */
export function useAutoRead(chat: ChatModel): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void import('./auto-read').then((module) => {
      if (!gone) stop = module.readFinishedAnswers(chat);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [chat]);
}
