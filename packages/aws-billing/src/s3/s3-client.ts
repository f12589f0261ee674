import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { DEFAULT_S3_IDLE_TIMEOUT_MS, S3_CONNECT_TIMEOUT_MS, type S3ReadOptions } from './s3-options.js';

/**
 * An S3 client from the options, else the standard chain (env keys, profile, SSO, instance role).
 * An endpoint (an S3-compatible store, a test server) is addressed path-style.
 */
export function s3Client(o: S3ReadOptions): S3Client {
  const config: S3ClientConfig = {
    // A bucket in another region answers with a redirect; follow it rather than fail.
    followRegionRedirects: true,
    // Without timeouts a silent connection would hang a sync for ever.
    requestHandler: { connectionTimeout: S3_CONNECT_TIMEOUT_MS, socketTimeout: o.idleTimeoutMs ?? DEFAULT_S3_IDLE_TIMEOUT_MS },
    ...(o.region ? { region: o.region } : {}),
    ...(o.profile ? { profile: o.profile } : {}),
    ...(o.endpoint ? { endpoint: o.endpoint, forcePathStyle: true } : {}),
    ...(o.credentials ? { credentials: { ...o.credentials } } : {}),
  };
  return new S3Client(config);
}
