/** What the service and its projector thread say to each other. */
import type { GlobalPosition } from '@keyring/event-store';

/** To the projector: events were appended in this process, or the service is stopping. */
export type ProjectorCommand = 'wake' | 'stop';

/**
 * From the projector: how far it has got, whether it is failing (message) or working (null), and
 * anything else the operator should know.
 */
export type ProjectorMessage =
  | { readonly type: 'progressed'; readonly position: GlobalPosition }
  | { readonly type: 'failed'; readonly message: string | null }
  | { readonly type: 'warning'; readonly message: string };
