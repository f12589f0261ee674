import {
  Construct,
  DataAwsIamPolicyDocument,
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
  type IResolvable,
} from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { bucketPrefix } from '../plan-input/names.js';
import { when } from './opt-out.js';

export interface ObjectStorageProps {
  readonly spec: InfraSpec;
  /** Versioning (a Terraform bool, on by default); old versions expire after `noncurrentVersionDays`. */
  readonly versioning: boolean | IResolvable;
  readonly noncurrentVersionDays: number;
}

/**
 * The objects bucket the plan prices by storage class: encrypted, private (public access blocked,
 * ACLs off, TLS only), and moved to Standard-IA and Glacier Instant Retrieval on the plan's days.
 * Versioned, so an overwrite or delete can be undone; old versions expire so their storage stays bounded.
 */
export class ObjectStorage extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: ObjectStorageProps) {
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
    // "Suspended", not "Disabled", when off: a bucket once versioned can only be suspended.
    const versioning = new S3BucketVersioningA(this, 'objects-versioning', {
      bucket: this.bucket.id,
      versioningConfiguration: { status: when(props.versioning, 'Enabled', 'Suspended') },
    });
    new S3BucketLifecycleConfiguration(this, 'objects-lifecycle', {
      bucket: this.bucket.id,
      // Lifecycle rules on noncurrent versions need versioning to be set first.
      dependsOn: [versioning],
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
        {
          id: 'expire-old-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays }],
          // A delete marker with no versions left behind it is clutter: remove it.
          expiration: [{ expiredObjectDeleteMarker: true }],
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
