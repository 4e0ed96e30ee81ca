import { benchStatsGrowth } from './stats-growth';
const sizes = process.argv.slice(2).map(Number);
console.log(JSON.stringify(await benchStatsGrowth({ sizes, requests: 100, dashboardLoads: 3 }), null, 1));
