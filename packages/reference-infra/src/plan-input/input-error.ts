/** Bad input from the user (plan file, environment): printed as one line, exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
