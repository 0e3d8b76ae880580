/**
 * What every route module of one gateway instance shares.
 */
import type { FaultQueue } from './faults';
import type { Grants } from './grants';
import type { ExternalTokens } from './oauth/external-tokens';
import type { ClientRegistration, ResolvedOptions } from './options';
import type { Recorder } from './recording';
import type { GatewayState } from './state';

export interface GatewayContext {
  readonly options: ResolvedOptions;
  readonly clients: ReadonlyMap<string, ClientRegistration>;
  readonly state: GatewayState;
  readonly grants: Grants;
  readonly recorder: Recorder;
  readonly faults: FaultQueue;
  /** Set when another server's access tokens are accepted too. */
  readonly externalTokens: ExternalTokens | undefined;
  /** The gateway's origin (and OAuth issuer), known once it listens. */
  origin: string;
}
