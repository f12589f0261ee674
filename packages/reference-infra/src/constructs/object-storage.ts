import {
  Construct,
  DataAwsIamPolicyDocument,
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
} from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { bucketPrefix } from '../plan-input/names.js';

/**
 * The objects bucket the plan prices by storage class: encrypted, private (public access blocked,
 * ACLs off, TLS only), and moved to Standard-IA and Glacier Instant Retrieval on the plan's days.
 */
export class ObjectStorage extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: { readonly spec: InfraSpec }) {
    super(scope, id);
    const { spec } = props;
    // A prefix, not a name: bucket names are global, Terraform adds a unique suffix.
    this.bucket = new S3Bucket(this, 'objects', { bucketPrefix: bucketPrefix(spec.planName, 'objects') });
    new S3BucketPublicAccessBlock(this, 'objects-public-access', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'objects-ownership', { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'objects-encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
    });
    new S3BucketLifecycleConfiguration(this, 'objects-lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'plan-lifecycle',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          transition: [
            { days: spec.s3Lifecycle.toStandardIaDays, storageClass: 'STANDARD_IA' },
            { days: spec.s3Lifecycle.toGlacierIrDays, storageClass: 'GLACIER_IR' },
          ],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    const tlsOnly = new DataAwsIamPolicyDocument(this, 'objects-tls-only', {
      statement: [
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          actions: ['s3:*'],
          principals: [{ type: '*', identifiers: ['*'] }],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ],
    });
    new S3BucketPolicy(this, 'objects-policy', { bucket: this.bucket.id, policy: tlsOnly.json });
  }
}
