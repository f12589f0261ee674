import { loadPriceBook, planTier } from '@tier-planner/cost-model';
const b = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });
const users = (process.argv[2] ?? '1,1000,100000,1000000,10000000,20000000').split(',').map(Number);
for (const p of ['trading-fargate', 'microservices-mysql', 'nextjs-nestjs-postgres', 'fintech-fargate-jenkins'])
  for (const u of users) {
    try {
      const x = planTier({ users: u, profile: p }, b);
      const r = x.datastores.rds;
      console.log(p, u, r.instanceClass, '+' + r.readReplicas, r.binding, r.scaleOut ? 'SCALEOUT' : '', 'st', r.storageGb, 'xiops', r.extraIops, '$' + x.monthly.total);
      if (process.env.WHY) { console.log('   ', r.why); for (const w of r.warnings) console.log('   W', w); }
    } catch (e) { console.log(p, u, 'ERR', e.message); }
  }
