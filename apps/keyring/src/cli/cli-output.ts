/** Results go to stdout, one line at a time; progress and errors go to stderr. */
export const printLine = (text: string): void => void process.stdout.write(`${text}\n`);
