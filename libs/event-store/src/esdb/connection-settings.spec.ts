import { CLIENT_DEFAULT_DEADLINE_MS, deadlineFromConnectionString } from './connection-settings';

describe('EventStoreDB connection string: the deadline the adapter applies', () => {
  it('reads defaultDeadline as the client does, ignoring case, dashes and underscores', () => {
    expect(deadlineFromConnectionString('esdb://a:2113,b:2113?tls=false&defaultDeadline=5000')).toBe(5000);
    expect(deadlineFromConnectionString('esdb://a:2113?default_deadline=2500')).toBe(2500);
    expect(deadlineFromConnectionString('esdb://a:2113?DEFAULTDEADLINE=1500')).toBe(1500);
  });

  it("falls back to the client's default when absent or not a positive integer", () => {
    expect(deadlineFromConnectionString('esdb://a:2113?tls=false')).toBe(CLIENT_DEFAULT_DEADLINE_MS);
    expect(deadlineFromConnectionString('esdb://a:2113?defaultDeadline=soon')).toBe(
      CLIENT_DEFAULT_DEADLINE_MS,
    );
  });
});
