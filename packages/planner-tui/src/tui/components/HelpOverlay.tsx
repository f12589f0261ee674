import { Box, Text } from 'ink';
import { KEY_HELP } from '../utils/key-map.js';
import { cell, fit } from '../utils/text.js';

/** The key list, shown instead of the panes while `?` is on. */
export function HelpOverlay({ width }: { readonly width: number }) {
  const keys = Math.max(...KEY_HELP.map((k) => k.keys.length));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">{fit('Keys  (? or Esc closes this help)', width)}</Text>
      {KEY_HELP.map((k) => (
        <Text key={k.keys} wrap="truncate">
          {fit(`  ${cell(k.keys, keys)}  ${k.does}`, width)}
        </Text>
      ))}
    </Box>
  );
}
