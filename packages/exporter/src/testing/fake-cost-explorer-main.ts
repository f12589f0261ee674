// `npx tsx packages/exporter/src/testing/fake-cost-explorer-main.ts [spend.json]`: starts the fake
// Cost Explorer on a free loopback port, prints {"url": ...} on stdout, runs until SIGTERM/SIGINT.
// spend.json is an array of FakeSpendLine; without it a small demo data set is served.
import { readFileSync } from 'node:fs';
import { startFakeCostExplorer, type FakeSpendLine } from './fake-cost-explorer.js';

const DEMO: FakeSpendLine[] = [
  { service: 'Amazon Elastic Compute Cloud - Compute', dailyUsd: '1.83', tags: { 'tier-planner:plan': 'eks-web-app-10000-users' } },
  { service: 'Amazon Elastic Container Service for Kubernetes', dailyUsd: '2.4', tags: { 'tier-planner:plan': 'eks-web-app-10000-users' } },
  { service: 'EC2 - Other', usageType: 'USE1-NatGateway-Hours', dailyUsd: '1.08', tags: { 'tier-planner:plan': 'eks-web-app-10000-users' } },
  { service: 'EC2 - Other', usageType: 'EBS:VolumeUsage.gp3', dailyUsd: '0.11', tags: { 'tier-planner:plan': 'eks-web-app-10000-users' } },
  { service: 'Elastic Load Balancing', dailyUsd: '0.66', tags: { 'tier-planner:plan': 'eks-web-app-10000-users' } },
];

const file = process.argv[2];
const spend = file ? (JSON.parse(readFileSync(file, 'utf8')) as FakeSpendLine[]) : DEMO;
const server = await startFakeCostExplorer({ spend });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
