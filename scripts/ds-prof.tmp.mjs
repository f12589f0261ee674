import * as head from '@tier-planner/cost-model';
const bh = head.loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
for (let i = 0; i < 3000; i++) head.planTier({ users: 1e7, profile: 'eks-web-app' }, bh);
