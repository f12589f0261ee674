import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseRefreshSource } from './choose-source.js';

// The default source is decided from the environment and the shared files only: no network.

const homes: string[] = [];
afterEach(() => {
  while (homes.length) rmSync(homes.pop()!, { recursive: true, force: true });
});

function home(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tp-choose-source-'));
  homes.push(dir);
  mkdirSync(join(dir, '.aws'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, '.aws', name), text);
  return dir;
}

describe('chooseRefreshSource', () => {
  it('takes the bulk files when nothing gives credentials, including empty variables and key-less profiles', () => {
    const h = home({ config: '[default]\nregion = eu-west-1\noutput = json\n', credentials: '[other]\naws_access_key_id = x\n' });
    expect(chooseRefreshSource({}, h)).toEqual({ source: 'bulk', reason: 'no AWS credentials found (environment, shared config and credentials files)' });
    expect(chooseRefreshSource({ AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: '' }, h).source).toBe('bulk');
    expect(chooseRefreshSource({ AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r' }, h).source).toBe('bulk');
  });

  it('takes the API for credentials in the environment', () => {
    const h = home();
    expect(chooseRefreshSource({ AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' }, h)).toEqual({ source: 'api', reason: 'AWS credentials found (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY)' });
    expect(chooseRefreshSource({ AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_ARN: 'arn' }, h).source).toBe('api');
    expect(chooseRefreshSource({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x' }, h).source).toBe('api');
  });

  it('takes the API for the selected profile in the credentials or config file, wherever those files are', () => {
    const h = home({ config: '# comment\n[profile work]\nsso_session = corp\nsso_account_id = 1\n' });
    expect(chooseRefreshSource({}, h).source).toBe('bulk'); // default profile: none
    expect(chooseRefreshSource({ AWS_PROFILE: 'work' }, h)).toEqual({ source: 'api', reason: `AWS credentials found (profile "work" in ${join(h, '.aws', 'config')})` });
    const elsewhere = join(home(), 'creds.ini');
    writeFileSync(elsewhere, '[default]\r\naws_access_key_id=AKIA\r\naws_secret_access_key=s\r\n');
    expect(chooseRefreshSource({ AWS_SHARED_CREDENTIALS_FILE: elsewhere }, h).reason).toBe(`AWS credentials found (profile "default" in ${elsewhere})`);
  });
});
