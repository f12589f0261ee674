/** The process surface a command may touch, so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  /** The clock (the system clock when absent): a plan's date is today unless --date says otherwise. */
  readonly now?: () => Date;
}
