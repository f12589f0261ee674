import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeNewFileAtomic } from './write-new-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tier-planner-new-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeNewFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', () => {
    writeNewFileAtomic(join(dir, 'plan.json'), '{}\n');
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('never replaces an existing file: it throws FileExistsError and the bytes stay', () => {
    writeFileSync(join(dir, 'plan.json'), 'mine\n');
    expect(() => writeNewFileAtomic(join(dir, 'plan.json'), 'theirs\n')).toThrow(FileExistsError);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('a folder that does not exist is an error, not a silent success', () => {
    expect(() => writeNewFileAtomic(join(dir, 'missing', 'plan.json'), '{}\n')).toThrow(/ENOENT/);
  });
});
