/** Bad configuration or flags: reported as one line on stderr, exit status 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message.replace(/\s*\n\s*/g, ' ').trim(), options);
  }
}
