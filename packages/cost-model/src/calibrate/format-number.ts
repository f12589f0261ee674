// Figures in calibration messages, en-US as the rest of the model writes them (built once: a
// formatter per call is slow).
const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

export const num = (v: number): string => NUMBER.format(v);
