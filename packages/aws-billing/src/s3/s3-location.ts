import { BillingError } from '../billing-error.js';

/** An export's place in S3: the bucket, and the key prefix its objects share ('' for the whole bucket). */
export interface S3Location {
  readonly bucket: string;
  readonly prefix: string;
}

// Bucket names: 3–63 lowercase letters, digits, dots and hyphens (S3's naming rules).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** s3://bucket/prefix → { bucket, prefix } without slashes at the prefix's ends. */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/]*)\/?(.*)$/.exec(url);
  const bucket = m?.[1] ?? '';
  if (!BUCKET.test(bucket)) throw new BillingError('bad_input', `${url} is not an s3://bucket/prefix address`);
  const prefix = (m?.[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket, prefix };
}

/** The listing prefix: the prefix as a folder, so s3://b/exp does not also match exp-old/. */
export function listPrefix(l: S3Location): string {
  return l.prefix === '' ? '' : `${l.prefix}/`;
}

export function s3Url(l: S3Location): string {
  return l.prefix === '' ? `s3://${l.bucket}` : `s3://${l.bucket}/${l.prefix}`;
}
