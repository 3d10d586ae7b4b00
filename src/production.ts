// Loaded before graphql: graphql-js checks instanceof with a slow development-mode path unless NODE_ENV is
// production. A user's own NODE_ENV wins.
process.env.NODE_ENV ??= 'production';
