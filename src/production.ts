import { setFlagsFromString } from 'node:v8';

// Loaded before graphql: graphql-js checks instanceof with a slow development-mode path unless NODE_ENV is
// production. A user's own NODE_ENV wins.
process.env.NODE_ENV ??= 'production';

// Between two full collections V8 lets the heap grow up to four times what was live, and JSON reads and
// big pages are short-lived garbage: a fixed factor of 1.5 kept the nested view at ~185 MB instead of
// 250–275 MB (bench/RESULTS.md). A growth rate, not a cap: a large read still gets the memory it needs.
// LITELLM_GRAPHQL_HEAP_GROWING_PERCENT=0 leaves V8's own heuristic.
const growing = process.env.LITELLM_GRAPHQL_HEAP_GROWING_PERCENT ?? '50';
if (/^\d{1,4}$/.test(growing) && Number(growing) > 0) setFlagsFromString(`--heap-growing-percent=${Number(growing)}`);
