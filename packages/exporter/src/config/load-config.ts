import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error.js';
import type { ExporterConfig } from './config-types.js';
import { validateConfig } from './validate-config.js';

/** Reads a JSON or YAML config file (by extension; anything else is tried as YAML, a superset of JSON). */
export function loadConfig(path: string): ExporterConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `config file ${path} does not exist` : `cannot read config file ${path} (${code ?? (e as Error).message})`);
  }
  return validateConfig(parseDocument(text, path), path);
}

export function parseDocument(text: string, path: string): unknown {
  if (text.trim() === '') throw new ConfigError(`${path}: the config file is empty`);
  if (path.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new ConfigError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
  }
  try {
    return parseYaml(text, { uniqueKeys: true }) as unknown;
  } catch (e) {
    const err = e as Error & { linePos?: { line: number; col: number }[] };
    const at = err.linePos?.[0] ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : '';
    throw new ConfigError(`${path}: not valid YAML${at} (${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '')})`);
  }
}
