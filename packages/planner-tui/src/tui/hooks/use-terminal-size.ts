import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

const FALLBACK_COLUMNS = 80;
const FALLBACK_ROWS = 24;

/** Columns and rows of the terminal, updated on resize; the layout fits whatever it is given. */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: Math.max(1, stdout.columns || FALLBACK_COLUMNS), rows: Math.max(1, stdout.rows || FALLBACK_ROWS) });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
