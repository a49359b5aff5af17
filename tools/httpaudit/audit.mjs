// audit.mjs URL — run graphql-http's server audits (the GraphQL over HTTP
// spec's MUST, SHOULD and MAY rules) against the GraphQL endpoint at URL.
// Prints every audit that is not ok and a summary line; exits 1 when any
// audit is an error or a warning (a MAY that fails is a notice).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:8080/graphql');
  process.exit(2);
}
const count = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  count[result.status]++;
  if (result.status !== 'ok') {
    console.log(`${result.status.toUpperCase()} ${audit.id} ${audit.name}: ${result.reason}`);
  }
}
console.log(`audits ${Object.values(count).reduce((a, b) => a + b)}: ok ${count.ok}, notices ${count.notice}, warnings ${count.warn}, errors ${count.error}`);
process.exit(count.error + count.warn > 0 ? 1 : 0);
