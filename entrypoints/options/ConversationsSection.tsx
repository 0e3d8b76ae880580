import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { type AuthStatus, authStatus } from '../../lib/auth/status';
import { ArchiveProblem, archiveOf, parseArchive } from '../../lib/chat/archive';
import { downloadText } from '../../lib/chat/download';
import { accountOf } from '../../lib/chat/records';
import { storageProblemFrom } from '../../lib/chat/storage-problem';
import { openChatStore } from '../../lib/chat/store';
import { createChatSync } from '../../lib/chat/sync';
import { currentLanguage } from '../../lib/i18n/current';
import type { Words } from '../../lib/i18n/define';
import { optionsText } from '../../lib/i18n/messages/options';

function megabytes(bytes: number): string {
  const size = new Intl.NumberFormat(currentLanguage.value, { maximumFractionDigits: 1 });
  return optionsText('megabytes', { size: size.format(bytes / (1024 * 1024)) });
}

/** The signed-in account's conversations: how many, the space they use, export, import, delete. */
export function ConversationsSection() {
  const store = useMemo(() => openChatStore({ announce: createChatSync().announce }), []);
  const status = useSignal<AuthStatus | null>(null);
  const count = useSignal<number | null>(null);
  /** Bytes in use, put in words at render like every message here: they follow the language. */
  const usage = useSignal<number | null>(null);
  const confirming = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error'; words: Words } | null>(null);

  const account = accountOf(status.value);
  const name = status.value?.signedIn ? status.value.user.name : '';

  const reload = async () => {
    const owner = accountOf(status.peek());
    count.value = owner ? (await store.listConversations(owner)).length : null;
    const estimate = await navigator.storage?.estimate?.();
    usage.value = estimate?.usage ?? null;
  };

  useEffect(() => {
    const show = (next: AuthStatus) => {
      status.value = next;
      void reload();
    };
    void authStatus.getValue().then(show);
    return authStatus.watch(show);
  }, []);

  const act = async (work: () => Promise<Words>) => {
    message.value = null;
    try {
      message.value = { kind: 'ok', words: await work() };
    } catch (error) {
      // Made in words where they were thrown: shown as they came.
      const text =
        error instanceof ArchiveProblem ? error.message : storageProblemFrom(error).message;
      message.value = { kind: 'error', words: () => text };
    }
    await reload();
  };

  const deleteAll = () =>
    act(async () => {
      confirming.value = false;
      if (!account) return () => '';
      const deleted = await store.deleteAllConversations(account);
      return () => optionsText('deleted', { count: deleted });
    });

  const exportAll = () =>
    act(async () => {
      if (!account) return () => '';
      const archive = archiveOf(await store.exportAll(account));
      const day = new Date().toISOString().slice(0, 10);
      downloadText(
        JSON.stringify(archive),
        `passlight-conversations-${day}.json`,
        'application/json',
      );
      return () => optionsText('exported', { count: archive.conversations.length });
    });

  const importFile = (file: File) =>
    act(async () => {
      if (!account) return () => '';
      const archive = parseArchive(await file.text());
      const added = await store.importAll(account, archive.conversations);
      return () => optionsText('imported', { count: archive.conversations.length, added });
    });

  return (
    <section class="card" aria-labelledby="conversations-title">
      <h2 id="conversations-title">{optionsText('conversationsTitle')}</h2>
      {!account ? (
        <p class="muted">{optionsText('conversationsSignedOut')}</p>
      ) : (
        <>
          <p class="muted" id="conversations-summary">
            {count.value === null
              ? optionsText('counting')
              : optionsText('conversationsOf', { count: count.value, name })}
            {usage.value !== null
              ? ` ${optionsText('storageUse', { size: megabytes(usage.value) })}`
              : ''}
          </p>
          <div class="options-actions">
            <button type="button" class="btn" onClick={exportAll} disabled={!count.value}>
              {optionsText('exportAll')}
            </button>
            <label class="btn">
              {optionsText('import')}
              <input
                type="file"
                accept="application/json,.json"
                hidden
                aria-label={optionsText('importLabel')}
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) void importFile(file);
                }}
              />
            </label>
            <button
              type="button"
              class="btn danger"
              onClick={() => (confirming.value = true)}
              disabled={!count.value}
            >
              {optionsText('deleteAll')}
            </button>
          </div>
          {confirming.value ? (
            <div class="confirm" role="alertdialog" aria-labelledby="delete-all-question">
              <p id="delete-all-question">
                {optionsText('deleteAllQuestion', { count: count.value ?? 0, name })}
              </p>
              <div class="options-actions">
                <button type="button" class="btn danger" onClick={deleteAll}>
                  {optionsText('deleteCount', { count: count.value ?? 0 })}
                </button>
                <button type="button" class="btn" onClick={() => (confirming.value = false)}>
                  {optionsText('cancel')}
                </button>
              </div>
            </div>
          ) : null}
        </>
      )}
      {message.value ? (
        <p role="status" class={message.value.kind === 'error' ? 'status-error' : 'status-ok'}>
          {message.value.words()}
        </p>
      ) : null}
    </section>
  );
}
