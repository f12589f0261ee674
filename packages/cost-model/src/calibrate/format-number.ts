// Figures in calibration messages, en-US as the rest of the model writes them.
import { numberText } from '../number-text.js';

export const num = (v: number): string => numberText(v, { maximumSignificantDigits: 6 });
