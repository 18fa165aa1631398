/** The current time, injected so that the domain never reads a clock itself. */
export type Clock = () => Date;
export const CLOCK = Symbol('CLOCK');
/** A clock the composition root puts in place of the system's (tests before and after an instant). */
export const CLOCK_OVERRIDE = Symbol('CLOCK_OVERRIDE');
export const systemClock: Clock = () => new Date();
