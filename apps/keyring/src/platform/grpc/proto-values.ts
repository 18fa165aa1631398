/** '' and 0 are proto3's "not set". */
export const given = <T extends string | number>(value: T): T | undefined =>
  value === '' || value === 0 ? undefined : value;
