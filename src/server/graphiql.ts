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

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>litellm-graphql · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql-assets/graphiql.min.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql-assets/react.production.min.js"></script>
  <script src="/graphiql-assets/react-dom.production.min.js"></script>
  <script src="/graphiql-assets/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: '# Every request needs a LiteLLM key: open Headers below and enter\\n# { "Authorization": "Bearer sk-<master key or virtual key>" }\\n{\\n  viewer { role isMasterKey }\\n  organizations(first: 5) {\\n    nodes { id alias spend teams(first: 5) { nodes { alias spend } } }\\n  }\\n}\\n',
      }),
    );
  </script>
</body>
</html>`;

/** GraphiQL from the npm packages, served from our own files: the page makes no request off this server. */
export function graphiqlRouter(): Router {
  const router = Router();
  for (const [file, [pkg, rel]] of Object.entries(ASSETS)) {
    const full = path.join(packageDir(pkg), rel);
    router.get(`/graphiql-assets/${file}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=3600');
      res.sendFile(full);
    });
  }
  router.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.type('html').send(PAGE);
  });
  return router;
}

