import { Construct, type IResolvable, DbInstance, DbSubnetGroup, ElasticacheReplicationGroup, ElasticacheSubnetGroup, MskCluster, SecurityGroup, VpcSecurityGroupIngressRule } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { InputError } from '../plan-input/input-error.js';
import { shortName } from '../plan-input/names.js';
import type { Network } from './network.js';

export interface DataStoresProps {
  readonly spec: InfraSpec;
  readonly network: Network;
  readonly vpcCidr: string;
  /** RDS deletion protection (a Terraform variable; set false before `cdktf destroy`). */
  readonly deletionProtection: boolean | IResolvable;
  readonly kafkaVersion: string;
}

/** AWS's largest gp3 RDS volume and MSK broker volume, GiB. */
const RDS_GP3_MAX_GB = 65_536;
const MSK_BROKER_MAX_GB = 16_384;

/**
 * RDS, ElastiCache and MSK when the plan has them, sized as it says: private subnets only,
 * encrypted at rest and in transit, reachable from inside the VPC on their own port only.
 */
export class DataStores extends Construct {
  readonly database?: DbInstance;
  readonly replicas: DbInstance[] = [];
  readonly cache?: ElasticacheReplicationGroup;
  readonly kafka?: MskCluster;

  constructor(scope: Construct, id: string, props: DataStoresProps) {
    super(scope, id);
    const { spec, network } = props;
    const subnetIds = network.privateSubnets.map((s) => s.id);
    const prefix = `${shortName(spec.planName, 30)}-`;
    const reachableFromVpc = (name: string, port: number) => {
      const sg = new SecurityGroup(this, `${name}-sg`, { namePrefix: `${prefix}${name}-`, description: `${name}: port ${port} from the VPC`, vpcId: network.vpc.id });
      new VpcSecurityGroupIngressRule(this, `${name}-in`, { securityGroupId: sg.id, cidrIpv4: props.vpcCidr, fromPort: port, toPort: port, ipProtocol: 'tcp', description: 'from the VPC' });
      return sg;
    };

    if (spec.rds) {
      const rds = spec.rds;
      if (rds.storageGb > RDS_GP3_MAX_GB) throw new InputError(`the plan's database needs ${rds.storageGb} GB; one RDS instance holds at most ${RDS_GP3_MAX_GB} GB (shard, or plan fewer users)`);
      const port = rds.engine === 'postgres' ? 5432 : 3306;
      const sg = reachableFromVpc('database', port);
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
      const sg = reachableFromVpc('cache', 6379);
      const subnets = new ElasticacheSubnetGroup(this, 'cache-subnets', { name: shortName(`${spec.planName}-cache`, 255), subnetIds });
      const replicated = cache.nodes > 1;
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
        transitEncryptionEnabled: true,
      });
    }

    if (spec.kafka) {
      const kafka = spec.kafka;
      if (kafka.storageGbPerBroker > MSK_BROKER_MAX_GB) throw new InputError(`the plan's Kafka needs ${kafka.storageGbPerBroker} GB per broker; MSK allows at most ${MSK_BROKER_MAX_GB} GB`);
      const sg = reachableFromVpc('kafka', 9094);
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
      });
    }
  }
}
