import {
  Construct,
  DataAwsSecretsmanagerRandomPassword,
  DbInstance,
  DbSubnetGroup,
  ElasticacheReplicationGroup,
  ElasticacheSubnetGroup,
  MskCluster,
  Op,
  SecretsmanagerSecret,
  SecretsmanagerSecretVersion,
  SecurityGroup,
  TerraformIterator,
  VpcSecurityGroupIngressRule,
  type IResolvable,
} from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { InputError } from '../plan-input/input-error.js';
import { shortName } from '../plan-input/names.js';
import type { Network } from './network.js';
import { attributeWhen, countWhen, when } from './opt-out.js';

export interface DataStoresProps {
  readonly spec: InfraSpec;
  readonly network: Network;
  /** The workloads' security groups (nodes or tasks): the only sources the data stores accept. */
  readonly clientSecurityGroupIds: readonly string[];
  /** RDS deletion protection (a Terraform variable; set false before `cdktf destroy`). */
  readonly deletionProtection: boolean | IResolvable;
  readonly kafkaVersion: string;
  /** Hardening switches (Terraform variables, on by default). */
  readonly hardening: DataStoresHardening;
}

export interface DataStoresHardening {
  /** CIDRs accepted besides the workloads' security groups (a Terraform list, empty by default). */
  readonly allowedCidrs: string[];
  /** ElastiCache: TLS and an AUTH token kept in Secrets Manager. */
  readonly cacheAuthAndTls: boolean | IResolvable;
  /** MSK: IAM client authentication (port 9098); off: TLS without client authentication (9094). */
  readonly kafkaIamAuth: boolean | IResolvable;
}

/** MSK's in-VPC client ports: TLS, and IAM access control (https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html). */
const MSK_TLS_PORT = 9094;
const MSK_IAM_PORT = 9098;

/** AWS's largest gp3 RDS volume and MSK broker volume, GiB. */
const RDS_GP3_MAX_GB = 65_536;
const MSK_BROKER_MAX_GB = 16_384;

/**
 * RDS, ElastiCache and MSK when the plan has them, sized as it says: private subnets only,
 * encrypted at rest and in transit, reachable on their own port from the workloads only.
 */
export class DataStores extends Construct {
  readonly database?: DbInstance;
  readonly replicas: DbInstance[] = [];
  readonly cache?: ElasticacheReplicationGroup;
  readonly kafka?: MskCluster;
  /** The cache's AUTH token in Secrets Manager (one, while cache_auth_and_tls is on). */
  readonly cacheAuthSecret?: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: DataStoresProps) {
    super(scope, id);
    const { spec, network } = props;
    const subnetIds = network.privateSubnets.map((s) => s.id);
    const prefix = `${shortName(spec.planName, 30)}-`;
    const { hardening } = props;
    // One rule per workload security group, and one per extra CIDR the operator names.
    const reachableFromWorkloads = (name: string, port: number) => {
      const sg = new SecurityGroup(this, `${name}-sg`, { namePrefix: `${prefix}${name}-`, description: `${name}: its port, from the workloads only`, vpcId: network.vpc.id });
      props.clientSecurityGroupIds.forEach((source, i) =>
        new VpcSecurityGroupIngressRule(this, `${name}-from-workloads-${i}`, { securityGroupId: sg.id, referencedSecurityGroupId: source, fromPort: port, toPort: port, ipProtocol: 'tcp', description: 'from the workloads' }),
      );
      const extra = TerraformIterator.fromList(hardening.allowedCidrs);
      new VpcSecurityGroupIngressRule(this, `${name}-from-allowed-cidrs`, { forEach: extra, securityGroupId: sg.id, cidrIpv4: extra.value, fromPort: port, toPort: port, ipProtocol: 'tcp', description: 'from data_store_allowed_cidrs' });
      return sg;
    };

    if (spec.rds) {
      const rds = spec.rds;
      if (rds.storageGb > RDS_GP3_MAX_GB) throw new InputError(`the plan's database needs ${rds.storageGb} GB; one RDS instance holds at most ${RDS_GP3_MAX_GB} GB (shard, or plan fewer users)`);
      const port = rds.engine === 'postgres' ? 5432 : 3306;
      const sg = reachableFromWorkloads('database', port);
      const subnets = new DbSubnetGroup(this, 'database-subnets', { namePrefix: prefix, subnetIds });
      const identifier = shortName(`${spec.planName}-db`, 60);
      this.database = new DbInstance(this, 'database', {
        identifier,
        engine: rds.engine,
        instanceClass: rds.instanceClass,
        allocatedStorage: rds.storageGb,
        storageType: 'gp3',
        storageEncrypted: true,
        multiAz: rds.multiAz,
        port,
        dbSubnetGroupName: subnets.name,
        vpcSecurityGroupIds: [sg.id],
        publiclyAccessible: false,
        username: 'app',
        // RDS keeps the password in Secrets Manager: it never enters the Terraform state.
        manageMasterUserPassword: true,
        backupRetentionPeriod: 7,
        copyTagsToSnapshot: true,
        deletionProtection: props.deletionProtection,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: `${identifier}-final`,
      });
      for (let i = 0; i < rds.readReplicas; i++) {
        this.replicas.push(
          new DbInstance(this, `database-replica-${i}`, {
            identifier: `${identifier}-r${i}`,
            replicateSourceDb: this.database.identifier,
            instanceClass: rds.instanceClass,
            storageType: 'gp3',
            storageEncrypted: true,
            vpcSecurityGroupIds: [sg.id],
            publiclyAccessible: false,
            deletionProtection: props.deletionProtection,
            skipFinalSnapshot: true,
          }),
        );
      }
    }

    if (spec.cache) {
      const cache = spec.cache;
      if (cache.shards > 1) {
        throw new InputError(
          `the plan's cache needs ${cache.shards} shards (cluster mode); this stack builds a single-shard replication group, so build it with cluster mode and a cluster-enabled parameter group yourself`,
        );
      }
      const sg = reachableFromWorkloads('cache', 6379);
      const subnets = new ElasticacheSubnetGroup(this, 'cache-subnets', { name: shortName(`${spec.planName}-cache`, 255), subnetIds });
      const replicated = cache.nodes > 1;
      const auth = this.cacheAuthToken(spec.planName, hardening.cacheAuthAndTls);
      this.cacheAuthSecret = auth.secret;
      this.cache = new ElasticacheReplicationGroup(this, 'cache', {
        replicationGroupId: shortName(`${spec.planName}-cache`, 40),
        description: `cache for ${spec.planName}`,
        engine: cache.engine,
        nodeType: cache.nodeType,
        numCacheClusters: cache.nodes,
        automaticFailoverEnabled: replicated,
        multiAzEnabled: replicated,
        port: 6379,
        subnetGroupName: subnets.name,
        securityGroupIds: [sg.id],
        atRestEncryptionEnabled: 'true',
        transitEncryptionEnabled: hardening.cacheAuthAndTls,
        authToken: auth.token,
      });
    }

    if (spec.kafka) {
      const kafka = spec.kafka;
      if (kafka.storageGbPerBroker > MSK_BROKER_MAX_GB) throw new InputError(`the plan's Kafka needs ${kafka.storageGbPerBroker} GB per broker; MSK allows at most ${MSK_BROKER_MAX_GB} GB`);
      const sg = reachableFromWorkloads('kafka', when(hardening.kafkaIamAuth, MSK_IAM_PORT, MSK_TLS_PORT));
      // MSK needs 2 or 3 client subnets, with the brokers an exact multiple of them.
      const zones = [Math.min(3, spec.vpcAzs), 2].find((n) => n >= 2 && kafka.brokers % n === 0);
      if (zones === undefined) throw new InputError(`MSK cannot place ${kafka.brokers} broker(s): it needs a multiple of 2 or 3 (one per AZ); plan Kafka with HA on`);
      this.kafka = new MskCluster(this, 'kafka', {
        clusterName: shortName(`${spec.planName}-kafka`, 64),
        kafkaVersion: props.kafkaVersion,
        numberOfBrokerNodes: kafka.brokers,
        brokerNodeGroupInfo: {
          instanceType: kafka.brokerType,
          clientSubnets: subnetIds.slice(0, zones),
          securityGroups: [sg.id],
          storageInfo: { ebsStorageInfo: { volumeSize: kafka.storageGbPerBroker } },
        },
        encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS', inCluster: true } },
        clientAuthentication: { sasl: { iam: hardening.kafkaIamAuth }, unauthenticated: Op.not(hardening.kafkaIamAuth) },
      });
    }
  }

  /**
   * A 64-character AUTH token that Secrets Manager generates and keeps (alphanumeric: ElastiCache
   * allows only a few symbols). The generator answers anew on every plan, so the stored version
   * ignores later answers: the token changes only when you rotate it.
   */
  private cacheAuthToken(planName: string, on: boolean | IResolvable): { secret: SecretsmanagerSecret; token: string } {
    const count = countWhen(on);
    const generated = new DataAwsSecretsmanagerRandomPassword(this, 'cache-auth-token-generator', { count, passwordLength: 64, excludePunctuation: true });
    const secret = new SecretsmanagerSecret(this, 'cache-auth-token', { count, namePrefix: `${shortName(planName, 60)}-cache-auth-`, description: `ElastiCache AUTH token of ${planName}` });
    const version = new SecretsmanagerSecretVersion(this, 'cache-auth-token-value', {
      count,
      secretId: attributeWhen(secret, 'id'),
      secretString: attributeWhen(generated, 'random_password'),
      lifecycle: { ignoreChanges: ['secret_string'] },
    });
    return { secret, token: attributeWhen(version, 'secret_string') };
  }
}
