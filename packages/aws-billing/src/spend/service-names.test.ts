import { describe, expect, it } from 'vitest';
import { ec2OtherService, knownAwsServices, modelService } from './service-names.js';

describe('modelService', () => {
  it.each([
    ['Amazon Elastic Compute Cloud - Compute', 'EC2'],
    ['Amazon Elastic Kubernetes Service', 'EKS'],
    ['Amazon Elastic Container Service for Kubernetes', 'EKS'],
    ['Amazon Relational Database Service', 'RDS'],
    ['Amazon Simple Storage Service', 'S3'],
    ['Amazon ElastiCache', 'ElastiCache'],
    ['Amazon Managed Streaming for Apache Kafka', 'MSK'],
    ['Elastic Load Balancing', 'ELB'],
    ['Amazon Virtual Private Cloud', 'VPC'],
    ['Amazon EC2 Container Registry (ECR)', 'ECR'],
    ['AmazonCloudWatch', 'CloudWatch'],
    ['AWS Secrets Manager', 'Secrets Manager'],
    ['Amazon Route 53', 'Route 53'],
    ['Amazon Elastic Container Service', 'Fargate'],
    ['AWS Data Transfer', 'Data Transfer'],
    ['AWS Glue', 'Other'],
    ['Tax', 'Other'],
    ['', 'Other'],
  ])('%s → %s', (aws, model) => {
    expect(modelService(aws)).toBe(model);
  });

  it('maps only to services the cost model prices (or KMS, which it prices as a line item)', () => {
    const model = new Set(['EC2', 'EKS', 'EBS', 'S3', 'RDS', 'ElastiCache', 'MSK', 'ELB', 'VPC', 'Data Transfer', 'ECR', 'Fargate', 'CloudWatch', 'Secrets Manager', 'Route 53', 'KMS']);
    for (const service of knownAwsServices().values()) expect(model).toContain(service);
  });

  it('"EC2 - Other" is never mapped on its own: it is split by usage type', () => {
    expect(modelService('EC2 - Other')).toBe('Other');
  });
});

describe('ec2OtherService (usage types of "EC2 - Other")', () => {
  it.each([
    ['EBS:VolumeUsage.gp3', 'EBS'],
    ['USE1-EBS:VolumeUsage.gp2', 'EBS'],
    ['EUW1-EBS:SnapshotUsage', 'EBS'],
    ['EBS:VolumeP-IOPS.gp3', 'EBS'],
    ['USE1-NatGateway-Hours', 'VPC'],
    ['NatGateway-Bytes', 'VPC'],
    ['USE1-ElasticIP:IdleAddress', 'VPC'],
    ['USE1-DataTransfer-Regional-Bytes', 'Data Transfer'],
    ['DataTransfer-Out-Bytes', 'Data Transfer'],
    ['USE1-USW2-AWS-Out-Bytes', 'Data Transfer'],
    ['USE1-CW:Requests', 'Other'],
    ['SomethingNew', 'Other'],
  ])('%s → %s', (usageType, model) => {
    expect(ec2OtherService(usageType)).toBe(model);
  });
});
