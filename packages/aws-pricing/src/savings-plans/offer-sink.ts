/**
 * Where a Savings Plans offer file's entries go as they are read, one at a time, so a file of any
 * size is never held whole. Each value is one JSON object exactly as AWS writes it: an element of
 * the file's `products` array, or of its `terms.savingsPlan` array.
 */
export interface SavingsPlanOfferSink {
  product(value: unknown): void;
  term(value: unknown): void;
}
