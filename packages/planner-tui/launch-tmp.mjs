import { loadPriceBook } from '@tier-planner/cost-model';
import { startTui } from '/work/main/packages/planner-tui/dist/tui/start-tui.js';
const book = loadPriceBook({});
process.exitCode = await startTui({ users: Number(process.argv[2] ?? 10000), profile: process.argv[3] ?? 'eks-web-app', purchase: 'on-demand', book, cwd: '/tmp' });
