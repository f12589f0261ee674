import { homedir } from 'node:os';
import { join } from 'node:path';
import type { S3Location } from './s3-location.js';

/** The user's cache folder: $XDG_CACHE_HOME, %LOCALAPPDATA% on Windows, else ~/.cache. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return env.XDG_CACHE_HOME;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return env.LOCALAPPDATA;
  return join(homedir(), '.cache');
}

/** Where an export's objects are synced by default: one folder per bucket and prefix. */
export function defaultExportCacheDir(l: S3Location, env: NodeJS.ProcessEnv = process.env): string {
  return join(userCacheDir(env), 'tier-planner', 'data-exports', l.bucket, ...l.prefix.split('/').filter((s) => s !== ''));
}
