import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { type AuthStatus, authStatus } from '../../lib/auth/status';
import { ArchiveProblem, archiveOf, parseArchive } from '../../lib/chat/archive';
import { downloadText } from '../../lib/chat/download';
import { accountOf } from '../../lib/chat/records';
import { storageProblemFrom } from '../../lib/chat/storage-problem';
import { openChatStore } from '../../lib/chat/store';
import { createChatSync } from '../../lib/chat/sync';

const SIZE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function megabytes(bytes: number): string {
  return `${SIZE.format(bytes / (1024 * 1024))} MB`;
}

/** The signed-in account's conversations: how many, the space they use, export, import, delete. */
export function ConversationsSection() {
  const store = useMemo(() => openChatStore({ announce: createChatSync().announce }), []);
  const status = useSignal<AuthStatus | null>(null);
  const count = useSignal<number | null>(null);
  const usage = useSignal<string>('');
  const confirming = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const account = accountOf(status.value);
  const name = status.value?.signedIn ? status.value.user.name : '';

  const reload = async () => {
    const owner = accountOf(status.peek());
    count.value = owner ? (await store.listConversations(owner)).length : null;
    const estimate = await navigator.storage?.estimate?.();
    usage.value = estimate?.usage !== undefined ? megabytes(estimate.usage) : '';
  };

  useEffect(() => {
    const show = (next: AuthStatus) => {
      status.value = next;
      void reload();
    };
    void authStatus.getValue().then(show);
    return authStatus.watch(show);
  }, []);

  const act = async (work: () => Promise<string>) => {
    message.value = null;
    try {
      message.value = { kind: 'ok', text: await work() };
    } catch (error) {
      const text =
        error instanceof ArchiveProblem ? error.message : storageProblemFrom(error).message;
      message.value = { kind: 'error', text };
    }
    await reload();
  };

  const deleteAll = () =>
    act(async () => {
      confirming.value = false;
      if (!account) return '';
      const deleted = await store.deleteAllConversations(account);
      return `Deleted ${deleted} ${deleted === 1 ? 'conversation' : 'conversations'}.`;
    });

  const exportAll = () =>
    act(async () => {
      if (!account) return '';
      const archive = archiveOf(await store.exportAll(account));
      const day = new Date().toISOString().slice(0, 10);
      downloadText(
        JSON.stringify(archive),
        `passlight-conversations-${day}.json`,
        'application/json',
      );
      return `Exported ${archive.conversations.length} conversations.`;
    });

  const importFile = (file: File) =>
    act(async () => {
      if (!account) return '';
      const archive = parseArchive(await file.text());
      const added = await store.importAll(account, archive.conversations);
      return `Imported ${archive.conversations.length} conversations (${added} new).`;
    });

  return (
    <section class="card" aria-labelledby="conversations-title">
      <h2 id="conversations-title">Conversations</h2>
      {!account ? (
        <p class="muted">Sign in to see, export or delete your conversations.</p>
      ) : (
        <>
          <p class="muted" id="conversations-summary">
            {count.value === null
              ? 'Counting…'
              : `${count.value} ${count.value === 1 ? 'conversation' : 'conversations'} of ${name} in this browser.`}
            {usage.value ? ` Passlight uses ${usage.value} of this browser’s storage.` : ''}
          </p>
          <div class="options-actions">
            <button type="button" class="btn" onClick={exportAll} disabled={!count.value}>
              Export all (JSON)
            </button>
            <label class="btn">
              Import…
              <input
                type="file"
                accept="application/json,.json"
                hidden
                aria-label="Import conversations from a file"
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
              Delete all conversations
            </button>
          </div>
          {confirming.value ? (
            <div class="confirm" role="alertdialog" aria-labelledby="delete-all-question">
              <p id="delete-all-question">
                Delete all {count.value} {count.value === 1 ? 'conversation' : 'conversations'} of{' '}
                {name} from this browser? This cannot be undone.
              </p>
              <div class="options-actions">
                <button type="button" class="btn danger" onClick={deleteAll}>
                  Delete {count.value}
                </button>
                <button type="button" class="btn" onClick={() => (confirming.value = false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : null}
        </>
      )}
      {message.value ? (
        <p role="status" class={message.value.kind === 'error' ? 'status-error' : 'status-ok'}>
          {message.value.text}
        </p>
      ) : null}
    </section>
  );
}
