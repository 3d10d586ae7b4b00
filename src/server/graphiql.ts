import path from 'node:path';
import { Router } from 'express';

function packageDir(name: string): string {
  // the packages' "exports" maps hide their dist files from require.resolve; their package.json is reachable
  return path.dirname(require.resolve(`${name}/package.json`));
}

const ASSETS: Record<string, [string, string]> = {
  'react.production.min.js': ['react', 'umd/react.production.min.js'],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.min.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css'],
};

/** The example operations opened as tabs on a first visit (GraphiQL keeps the user's own tabs after that). */
const DASHBOARD = `# The dashboard view: organizations → teams → members, one SQL statement per level
query Dashboard {
  viewer { role isMasterKey user { email } }
  organizations(first: 10) {
    nodes {
      alias
      spend
      budget { maxBudget budgetDuration }
      teams(first: 20) {
        nodes {
          alias
          spend
          members(first: 50) {
            totalCount
            nodes { userEmail role spend user { email } }
          }
        }
      }
    }
  }
}
`;

const KEY_LIFECYCLE = `# A key's life: run each operation in turn (the ▶ button offers them by name).
# generateKey shows the raw key once; paste its info.token into the variables below.
mutation Generate {
  generateKey(input: { keyAlias: "graphiql-example", duration: "30d", maxBudget: 10, budgetDuration: "1mo", models: ["gpt-4o"] }) {
    key
    info { token keyName keyAlias expires budgetResetAt }
  }
}

mutation Update($token: String!) {
  updateKey(token: $token, input: { maxBudget: 25 }) { token maxBudget }
}

mutation Block($token: String!) {
  blockKey(token: $token) { token blocked }
}

mutation Delete($token: String!) {
  deleteKeys(tokens: [$token])
}
`;

const SPEND_REPORT = `# Spend of the last 30 days by day and model, from LiteLLM's daily rollups
query SpendReport($input: SpendReportInput!) {
  spendReport(input: $input) {
    source
    rows { day model spend requests totalTokens }
    totals { spend requests }
    pageInfo { hasNextPage endCursor }
  }
}
`;

function page(demoKey: string | undefined): string {
  const tabs = JSON.stringify({ DASHBOARD, KEY_LIFECYCLE, SPEND_REPORT });
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>litellm-graphql · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql-assets/graphiql.min.css" />
  <style>
    html, body { height: 100%; margin: 0; }
    body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
    #keybar { display: flex; gap: 0.6em; align-items: center; padding: 0.4em 0.8em; border-bottom: 1px solid #ddd; font-size: 14px; flex-wrap: wrap; }
    #keybar input[type=password] { width: 24em; font-family: monospace; }
    #hint { color: #555; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <form id="keybar">
    <label>LiteLLM key <input id="key" type="password" placeholder="sk-… (master key or virtual key)" autocomplete="off" spellcheck="false" /></label>
    <label title="Kept in this browser's localStorage; otherwise only until the tab is closed"><input id="remember" type="checkbox" /> remember in this browser</label>
    <button id="use" type="submit">Use key</button>
    <button id="forget" type="button">Forget</button>
    <span id="hint"></span>
  </form>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql-assets/react.production.min.js"></script>
  <script src="/graphiql-assets/react-dom.production.min.js"></script>
  <script src="/graphiql-assets/graphiql.min.js"></script>
  <script>
    const DEMO_KEY = ${JSON.stringify(demoKey ?? null)};
    const STORE = 'litellm-graphql:key';
    const T = ${tabs};
    const day = (ms) => new Date(ms).toISOString().slice(0, 10);
    const TABS = [
      { query: T.DASHBOARD },
      { query: T.KEY_LIFECYCLE, variables: JSON.stringify({ token: 'paste info.token from Generate' }, null, 2) },
      { query: T.SPEND_REPORT, variables: JSON.stringify({ input: { from: day(Date.now() - 29 * 86400000), to: day(Date.now()), groupBy: ['DAY', 'MODEL'], first: 50 } }, null, 2) },
    ];
    const $ = (id) => document.getElementById(id);
    const root = ReactDOM.createRoot($('graphiql'));
    let key = localStorage.getItem(STORE) || sessionStorage.getItem(STORE) || DEMO_KEY || '';
    $('remember').checked = localStorage.getItem(STORE) !== null;

    function render() {
      $('key').value = key;
      const tail = key ? key.slice(0, 3) + '…' + key.slice(-4) : '';
      $('hint').textContent = !key
        ? 'Paste a LiteLLM key: the schema and every query need one.'
        : key === DEMO_KEY
          ? 'Embedded demo: using its master key ' + DEMO_KEY + '.'
          : 'Using ' + tail + '.';
      const headers = { 'apollo-require-preflight': 'true' };
      if (key) headers.authorization = 'Bearer ' + key;
      // a new key remounts GraphiQL, which fetches the schema again with it
      root.render(React.createElement(GraphiQL, { key: key || 'no-key', fetcher: GraphiQL.createFetcher({ url: '/graphql', headers }), defaultTabs: TABS, defaultEditorToolsVisibility: 'variables' }));
    }

    $('keybar').addEventListener('submit', (e) => {
      e.preventDefault();
      key = $('key').value.trim();
      localStorage.removeItem(STORE);
      sessionStorage.removeItem(STORE);
      if (key) ($('remember').checked ? localStorage : sessionStorage).setItem(STORE, key);
      render();
    });
    $('forget').addEventListener('click', () => {
      localStorage.removeItem(STORE);
      sessionStorage.removeItem(STORE);
      $('remember').checked = false;
      key = '';
      render();
    });
    render();
  </script>
</body>
</html>`;
}

/**
 * GraphiQL from the npm packages, served from our own files (the page makes no request off this server),
 * with a key bar; `demoKey` is shown and prefilled on the embedded demo only.
 */
export function graphiqlRouter(demoKey?: string): Router {
  const router = Router();
  const html = page(demoKey);
  for (const [file, [pkg, rel]] of Object.entries(ASSETS)) {
    const full = path.join(packageDir(pkg), rel);
    router.get(`/graphiql-assets/${file}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=3600');
      res.sendFile(full);
    });
  }
  router.get('/', (_req, res) => res.redirect(302, '/graphql'));
  router.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.type('html').send(html);
  });
  return router;
}
