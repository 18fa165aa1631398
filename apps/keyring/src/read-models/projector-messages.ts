/** What the service and its projector thread say to each other. */
import type { GlobalPosition } from '@keyring/event-store';

/** To the projector: events were appended in this process, or the service is stopping. */
export type ProjectorCommand = 'wake' | 'stop';

/** From the projector: how far it has got, and whether it is failing (message) or working (null). */
export type ProjectorMessage =
  | { readonly type: 'progressed'; readonly position: GlobalPosition }
  | { readonly type: 'failed'; readonly message: string | null };
