import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Which source a refresh uses when the caller does not say: GetProducts needs AWS credentials, the
// bulk offer files do not. Credentials are looked for the way the AWS SDKs look first, in the
// environment and the shared config and credentials files, without any network call (no instance
// metadata, no SSO token exchange): a refresh on a laptop without an account goes to the bulk files.

export interface SourceChoice {
  readonly source: 'api' | 'bulk';
  /** Why, for the line printed on stderr. */
  readonly reason: string;
}

const ENV_CREDENTIALS: readonly (readonly string[])[] = [
  ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
  ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN'],
  ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'],
  ['AWS_CONTAINER_CREDENTIALS_FULL_URI'],
];

/** Profile keys that give the SDK a way to credentials. */
const PROFILE_KEYS = ['aws_access_key_id', 'credential_process', 'role_arn', 'sso_session', 'sso_start_url', 'web_identity_token_file', 'credential_source'];

export function chooseRefreshSource(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): SourceChoice {
  for (const names of ENV_CREDENTIALS) {
    if (names.every((n) => (env[n] ?? '') !== '')) return { source: 'api', reason: `AWS credentials found (${names.join(' + ')})` };
  }
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const files = [
    { path: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), section: profile },
    { path: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), section: profile === 'default' ? 'default' : `profile ${profile}` },
  ];
  for (const { path, section } of files) {
    const keys = profileKeys(path, section);
    const found = PROFILE_KEYS.find((k) => keys.has(k));
    if (found) return { source: 'api', reason: `AWS credentials found (profile "${profile}" in ${path})` };
  }
  return { source: 'bulk', reason: 'no AWS credentials found (environment, shared config and credentials files)' };
}

/** The keys set in one [section] of an INI file; empty when the file or section is absent. */
function profileKeys(path: string, section: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Set();
  }
  const keys = new Set<string>();
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (header) {
      inSection = header[1]!.replace(/\s+/g, ' ') === section;
      continue;
    }
    const kv = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (inSection && kv && kv[2]!.trim() !== '') keys.add(kv[1]!.toLowerCase());
  }
  return keys;
}
