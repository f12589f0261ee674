import { DEFAULT_LADDER, findBreakpoints, loadPriceBook } from '@tier-planner/cost-model';
const N = Number(process.env.N ?? 10);
let t=[];
let r;
for (let i=0;i<N;i++){ const b = loadPriceBook({ region: 'us-east-1', embeddedOnly: true }); const s=performance.now(); r=findBreakpoints('eks-web-app',1,10_000_000,b,{tiers:DEFAULT_LADDER}); t.push(performance.now()-s);}
t.sort((a,b)=>a-b); console.log('median', t[Math.floor(t.length/2)].toFixed(1), 'breakpoints', r.breakpoints.length);
