import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { BillingError } from '../billing-error.js';
import { s3Failure } from './s3-errors.js';
import { listPrefix, s3Url, type S3Location } from './s3-location.js';

/** A parquet object of the export: its key, the key below the prefix, ETag and size. */
export interface ExportObject {
  readonly key: string;
  readonly relativeKey: string;
  readonly etag: string;
  readonly size: number;
}

// A key segment that would leave the cache folder, or that a file system cannot hold.
const UNSAFE_SEGMENT = /^(\.\.?|)$|[\\:\0]/;

/** Every .parquet object under the export's prefix, across ListObjectsV2 pages. */
export async function listParquetObjects(client: S3Client, l: S3Location): Promise<ExportObject[]> {
  const prefix = listPrefix(l);
  const out: ExportObject[] = [];
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(new ListObjectsV2Command({ Bucket: l.bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
    } catch (e) {
      throw s3Failure(e, `listing ${s3Url(l)}`, l.bucket);
    }
    for (const o of page.Contents ?? []) {
      if (!o.Key?.endsWith('.parquet')) continue;
      const relativeKey = o.Key.slice(prefix.length);
      if (relativeKey.split('/').some((s) => UNSAFE_SEGMENT.test(s))) {
        throw new BillingError('bad_input', `S3 key ${o.Key} cannot be kept in a local folder`);
      }
      out.push({ key: o.Key, relativeKey, etag: o.ETag ?? '', size: o.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}
