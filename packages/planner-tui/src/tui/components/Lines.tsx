import { Box, Text, Transform } from 'ink';
import { memo, useMemo } from 'react';
import { useTheme, type TextRole, type TextStyle } from '../style/theme.js';
import { oneColumnEach, printableAscii, textBands, type TextBand } from '../utils/text-strips.js';

export interface LinesProps {
  readonly lines: readonly string[];
  readonly role?: TextRole;
}

/**
 * Pre-formatted lines (already cut to the width) as few Text nodes. A frame's cost is mostly Ink's
 * layout and per-character output; one node per block instead of a node (or a row of segment
 * nodes) per line keeps Yoga's share small, and lines that fit are never re-wrapped. Unstyled
 * blocks go as strips (see text-strips.ts): the spaces between their columns are never drawn,
 * which looks the same, as a space drawn with no style is the empty cell. Styled text stays whole,
 * so its style runs on across the spaces as before.
 */
export const Lines = memo(function Lines({ lines, role = 'plain' }: LinesProps) {
  const style = useTheme()[role];
  const styled = Object.keys(style).length > 0;
  const bands = useMemo(() => (styled ? undefined : textBands(lines)), [styled, lines]);
  if (!bands || (bands.length === 1 && bands[0]!.strips.length === 1 && bands[0]!.strips[0]!.x === 0)) {
    return <MeasuredText style={style} lines={lines.map((line) => line.trimEnd() || ' ')} />;
  }
  return <Box flexDirection="column">{bands.map((band, i) => <Band key={i} band={band} />)}</Box>;
}, sameLines);

function Band({ band }: { readonly band: TextBand }) {
  let end = 0;
  return (
    <Box height={band.rows} flexShrink={0}>
      {band.strips.map((strip) => {
        const gap = strip.x - end;
        end = strip.x + strip.width;
        return (
          <Box key={strip.x} marginLeft={gap} width={strip.width} flexShrink={0}>
            <MeasuredText lines={strip.lines} />
          </Box>
        );
      })}
    </Box>
  );
}

/**
 * One Text node of the lines. Ink measures every Text node's lines on every frame with
 * string-width, which segments a line with any character beyond ASCII into graphemes: tens of
 * microseconds a line (the bars, the lines with · or ×), a few milliseconds a frame. Lines of
 * one-column characters go to Ink as 'x's of the same lengths, measured at once, and the Transform
 * puts each line's own text back before Ink draws it: the screen is the same, cell for cell.
 */
function MeasuredText({ lines, style = {} }: { readonly lines: readonly string[]; readonly style?: TextStyle }) {
  if (lines.every(printableAscii) || !lines.every(oneColumnEach)) return <Text {...style}>{lines.join('\n')}</Text>;
  const stand = lines.map((line) => 'x'.repeat(line.length));
  // Output hands the transform each line with its index; a styled line has its codes around the 'x's.
  const own = (line: string, index: number) => line.replace(stand[index] ?? '', () => lines[index] ?? '');
  return (
    <Transform transform={own} accessibilityLabel={lines.join('\n')}>
      <Text {...style}>{stand.join('\n')}</Text>
    </Transform>
  );
}

/** The same text and role: a block rebuilt with equal lines (a fresh slice) is not drawn anew. */
function sameLines(a: LinesProps, b: LinesProps): boolean {
  return a.role === b.role && a.lines.length === b.lines.length && a.lines.every((line, i) => line === b.lines[i]);
}
