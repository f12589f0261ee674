// Bad input through the real bin: exit 2, one line on stderr (one per problem for a damaged plan
// file), nothing on stdout, no stack trace, and no raw control character anywhere.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, type BinResult } from './run-bin.js';

// Anything a terminal would act on rather than show (newlines end lines and are allowed).
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
// CSV ends its lines with \r\n.
const RAW_CONTROL_BUT_CR = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const ESC_TITLE = '\u001b]0;pwned\u0007';

function expectOneLineUsageError(r: BinResult, message: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(r.stderr).not.toMatch(RAW_CONTROL);
}

const dir = mkdtempSync(join(tmpdir(), 'tp-bad-input-'));
const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

describe('number flags are plain decimals', () => {
  it.each([
    [['--users', '1,2'], /--users must be a whole number .*got "1,2"; for several user counts use tier-planner ladder/],
    [['--users', '10,,000'], /--users must be a whole number .*got "10,,000"/],
    [['--users', ',10000'], /--users must be a whole number .*got ",10000"/],
    [['--users', '1_0'], /--users must be a whole number .*got "1_0"/],
    [['--users', '0x10'], /--users must be a whole number/],
    [['--users', '10', '--hours', '0x10'], /--hours must be a decimal number from 1 to 744, got "0x10"/],
    [['--users', '10', '--hours', '1e2'], /--hours must be a decimal number/],
    [['--users', '10', '--hours', 'Infinity'], /--hours must be a decimal number/],
    [['--users', '10', '--hours', ' 720'], /--hours must be a decimal number/],
    [['--users', '10', '--hours', ''], /--hours must be a decimal number/],
    [['--users', '10', '--samples', '0o7'], /--samples must be a whole number from 1 to 5,000, got "0o7"/],
    [['--users', '10', '--samples', '10', '--seed', '0b1'], /--seed must be a whole number/],
    [['--users', '10', '--samples', '10', '--seed', 'NaN'], /--seed must be a whole number/],
    [['ladder', '--users', '1,,100'], /--users: empty entry in "1,,100"/],
    [['ladder', '--users', ',100'], /--users: empty entry/],
    [['ladder', '--users', '1,0x10'], /--users: "0x10" is not a whole number/],
    [['ladder', '--users', '1,100', '--max-breakpoints', '1e1'], /--max-breakpoints must be a whole number from 0 to 1,000, got "1e1"/],
    [['ladder', '--users', '1,100', '--type-change-margin', '1.5'], /--type-change-margin must be a decimal number from 0 to 1, got "1.5"/],
  ])('%j', (args, message) => expectOneLineUsageError(runBin(args), message));

  it('still takes the exact thousands forms', () => {
    for (const users of ['10,000', '10_000']) expect(runBin(['--users', users, '--hours', '720']).stdout).toContain('10,000 users');
  });
});

describe('flags and usage', () => {
  it('--profile-file "" is refused, not ignored', () => {
    expectOneLineUsageError(runBin(['--users', '10', '--profile-file', '']), /--profile-file needs a file name/);
    expectOneLineUsageError(runBin(['ladder', '--profile-file', '']), /--profile-file needs a file name/);
  });

  it('usage after no arguments goes to stderr with exit 2; asked-for --help to stdout with exit 0', () => {
    const none = runBin([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage:');
    const help = runBin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain('Usage:');
  });

  it("ladder's hint about more breakpoints names only flags ladder takes", () => {
    const r = runBin(['ladder', '--users', '1,10000000', '--max-breakpoints', '1']);
    expect(r.status).toBe(0);
    const hint = r.stdout.split('\n').find((l) => l.includes('more breakpoints exist'))!;
    const flags = hint.match(/--[a-z-]+/g)!;
    expect(flags.length).toBeGreaterThan(0);
    const help = runBin(['ladder', '--help']).stdout;
    for (const flag of flags) expect(help, flag).toContain(flag);
  });
});

describe('escape sequences are shown escaped, never sent to the terminal', () => {
  it('in a flag value, cut to a sane length', () => {
    const r = runBin(['--users', `${ESC_TITLE}${'9'.repeat(5_000)}`]);
    expectOneLineUsageError(r, /got "\\x1b\]0;pwned\\x079+…"/);
    expect(r.stderr.length).toBeLessThan(300);
    expectOneLineUsageError(runBin(['--users', '10', '--region', ESC_TITLE]), /got "\\x1b\]0;pwned\\x07"/);
    expectOneLineUsageError(runBin([`${ESC_TITLE}cmd`]), /unknown command "\\x1b\]0;pwned\\x07cmd"/);
  });

  it('in a file name', () => {
    expectOneLineUsageError(runBin(['--users', '10', '--profile-file', join(dir, `no${ESC_TITLE}.json`)]), /cannot read profile file .*no\\x1b\]0;pwned\\x07\.json: ENOENT/);
    expectOneLineUsageError(runBin(['price', `a${ESC_TITLE}.json`]), /cannot read bill of materials a\\x1b/);
  });

  it('in file contents: broken JSON, a profile and a bill of materials', () => {
    expectOneLineUsageError(runBin(['price', write('broken.json', `${ESC_TITLE}{`)]), /bill of materials .* is not valid JSON/);
    const profile = JSON.parse(readFileSync(new URL('../../packages/cost-model/src/profiles/data/eks-web-app.json', import.meta.url), 'utf8'));
    const file = write('profile.json', JSON.stringify({ ...profile, name: `evil${ESC_TITLE}`, title: `T${ESC_TITLE}${'x'.repeat(1_000)}` }));
    for (const args of [['--users', '10000', '--profile-file', file], ['--users', '10000', '--profile-file', file, '--format', 'markdown'], ['--users', '10000', '--profile-file', file, '--format', 'csv'], ['--users', '10000', '--profile-file', file, '--json'], ['ladder', '--users', '1,100', '--profile-file', file]]) {
      const r = runBin(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(RAW_CONTROL_BUT_CR);
    }
    const text = runBin(['--users', '10000', '--profile-file', file]).stdout;
    expect(text).toContain('evil\\x1b]0;pwned\\x07');
    expect(text.split('\n')[0]!.length).toBeLessThan(400);
    const bom = write('bom.json', JSON.stringify({ resources: [{ type: 'eks_cluster', name: `main${ESC_TITLE}` }] }));
    const priced = runBin(['price', bom]);
    expect(priced.status).toBe(0);
    expect(priced.stdout).toContain('main\\x1b]0;pwned\\x07');
    expect(priced.stdout).not.toMatch(RAW_CONTROL);
  });
});

describe('long values from flags and files are cut', () => {
  it('a long --profile or --region', () => {
    const profile = runBin(['--users', '10', '--profile', 'p'.repeat(5_000)]);
    expectOneLineUsageError(profile, /no built-in profile "p+…"; see tier-planner profiles/);
    expect(profile.stderr.length).toBeLessThan(300);
    const region = runBin(['--users', '10', '--region', `us-${'a'.repeat(5_000)}-1`]);
    expectOneLineUsageError(region, /--region must be an AWS region code/);
    expect(region.stderr.length).toBeLessThan(300);
  });

  it('a damaged profile file or bill of materials: one line per problem, each value cut', () => {
    const long = `${ESC_TITLE}${'z'.repeat(5_000)}`;
    for (const [args, what] of [
      [['--users', '10', '--profile-file', write('bad-profile.json', JSON.stringify({ name: long }))], 'profile'],
      [['price', write('bad-bom.json', JSON.stringify({ resources: [{ type: long, name: 'x' }, { type: 'eks_cluster', name: 'y', support: long }] }))], 'bill of materials'],
    ] as const) {
      const r = runBin(args);
      expect(r.status).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(new RegExp(`is not a valid ${what} \\(\\d+ problems?\\):$`));
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(line).toMatch(/^tier-planner: /);
        expect(line.length).toBeLessThan(500);
      }
      expect(r.stderr).not.toMatch(RAW_CONTROL);
    }
  });
});

describe('diff checks both plan files against the plan schema', () => {
  const plan = (users: string, ...extra: string[]) => JSON.parse(runBin(['--users', users, '--profile', 'microservices-mysql', '--json', ...extra]).stdout);

  it('lists every problem with its JSON path, one line each, exit 2', () => {
    const good = write('good.json', JSON.stringify(plan('1000')));
    const bad = plan('100000');
    bad.users = -5;
    bad.monthly.total = '1e400';
    bad.lineItems[2].monthly = { toString: 'x' };
    bad.profile.name = ESC_TITLE;
    const file = write('bad.json', JSON.stringify(bad).replace('"quantity":"4380"', '"quantity":1e400'));
    const r = runBin(['diff', good, file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/bad\.json is not a valid plan file \(4 problems\):$/);
    expect(lines.slice(1).map((l) => l.replace(/^tier-planner: \S*bad\.json: /, ''))).toEqual([
      '$.users: must be at least 1, got -5',
      '$.lineItems[1].quantity: must be a string, got a number too large for JSON',
      '$.lineItems[2].monthly: must be a string, got an object',
      expect.stringMatching(/^\$\.monthly\.total: must be US dollars as a plain decimal string .*got "1e400"$/),
    ]);
    expect(r.stderr).not.toMatch(/undefined|\[object|\bat .*\.js:\d+/);
  });

  it('reports the problems of both damaged files in one run', () => {
    const a = plan('1000');
    a.azs = 0;
    const b = plan('10');
    b.ha = 'yes';
    const r = runBin(['diff', write('bad-a.json', JSON.stringify(a)), write('bad-b.json', JSON.stringify(b))]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/bad-a\.json is not a valid plan file \(1 problem\):$/),
      expect.stringMatching(/bad-a\.json: \$\.azs: must be at least 1, got 0$/),
      expect.stringMatching(/bad-b\.json is not a valid plan file \(1 problem\):$/),
      expect.stringMatching(/bad-b\.json: \$\.ha: must be true or false, got "yes"$/),
    ]);
  });

  it('says what a file is when it is not a plan, or another version', () => {
    const good = write('good2.json', JSON.stringify(plan('1000')));
    expectOneLineUsageError(runBin(['diff', write('other.json', '{"kind":"something"}'), good]), /other\.json is not a tier-planner plan/);
    expectOneLineUsageError(runBin(['diff', good, write('v2.json', JSON.stringify({ ...plan('10'), schemaVersion: 2 }))]), /v2\.json has plan schema version 2; this build reads 1/);
  });
});
