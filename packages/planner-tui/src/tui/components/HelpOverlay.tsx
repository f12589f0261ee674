import { Box } from 'ink';
import { KEY_HELP } from '../utils/key-map.js';
import { cell, fit } from '../utils/text.js';
import { Lines } from './Lines.js';

/** The key list, shown instead of the panes while `?` is on, cut to the rows it has. */
export function HelpOverlay({ width, rows }: { readonly width: number; readonly rows: number }) {
  // The key column gives way to the descriptions on a narrow screen.
  const keys = Math.min(Math.max(...KEY_HELP.map((k) => k.keys.length)), Math.floor(width * 0.4));
  const lines = KEY_HELP.map((k) => fit(`  ${cell(k.keys, keys)}  ${k.does}`, width));
  const fits = lines.length <= rows - 1;
  const shown = fits ? lines : lines.slice(0, Math.max(0, rows - 2));
  return (
    <Box flexDirection="column">
      <Lines role="title" lines={[fit('Keys  (? or Esc closes this help)', width)]} />
      <Lines lines={shown} />
      {fits ? null : <Lines role="muted" lines={[fit(`… ${lines.length - shown.length} more: a taller window shows them`, width)]} />}
    </Box>
  );
}
