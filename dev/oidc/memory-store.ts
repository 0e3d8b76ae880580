/**
 * Where one provider keeps its sessions, grants, codes and tokens: in memory, for this instance
 * only. oidc-provider's own in-memory adapter shares one store between every provider in the
 * process and forgets entries past its thousandth, which would lose tokens in a long dev run.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; undefined for entries without a lifetime. */
  expiresAt: number | undefined;
}

export class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  /** The keys of every token issued under a grant, to revoke them together. */
  private readonly grantMembers = new Map<string, Set<string>>();
  /** Session uid → session id. */
  private readonly sessionIds = new Map<string, string>();

  /** oidc-provider's `adapter` factory: one adapter per model name, all on this store. */
  readonly adapterFor = (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        const expiresAt = expiresIn > 0 ? Date.now() + expiresIn * 1000 : undefined;
        this.entries.set(key(id), { payload, expiresAt });
        if (model === 'Session' && typeof payload.uid === 'string') {
          this.sessionIds.set(payload.uid, id);
        }
        if (typeof payload.grantId === 'string') {
          const members = this.grantMembers.get(payload.grantId) ?? new Set();
          members.add(key(id));
          this.grantMembers.set(payload.grantId, members);
        }
      },
      find: async (id) => this.live(key(id)),
      findByUid: async (uid) => {
        const id = this.sessionIds.get(uid);
        return id === undefined ? undefined : this.live(key(id));
      },
      // Only the device flow looks codes up by user code, and it is off.
      findByUserCode: async () => undefined,
      consume: async (id) => {
        const payload = this.live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.entries.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const member of this.grantMembers.get(grantId) ?? []) this.entries.delete(member);
        this.grantMembers.delete(grantId);
      },
    };
  };

  /** Browser sessions someone is signed in to: what a sign-out at the provider ends. */
  signedInSessions(): number {
    return [...this.entries.keys()].filter(
      (key) => key.startsWith('Session:') && this.live(key)?.accountId !== undefined,
    ).length;
  }

  private live(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }
}
