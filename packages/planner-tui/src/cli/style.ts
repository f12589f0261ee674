import type { CliIo } from './io.js';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
}

const plain: Style = { bold: (t) => t, dim: (t) => t, red: (t) => t };
const ansi: Style = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  red: (t) => `\u001b[31m${t}\u001b[39m`,
};

/** Colour only on a terminal (or when FORCE_COLOR asks for it), and never when NO_COLOR is set. */
export function styleFor(io: CliIo): Style {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return plain;
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== '';
  return io.stdout.isTTY || forced ? ansi : plain;
}
