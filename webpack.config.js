// Nest's webpack defaults build one entry (main); the CLI and the projector's thread are built beside it.
const path = require('node:path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    cli: path.resolve(__dirname, 'apps/keyring/src/cli/cli.ts'),
    'projector-worker': path.resolve(__dirname, 'apps/keyring/src/read-models/projector-worker.ts'),
  },
  output: { ...options.output, filename: path.join(path.dirname(options.output.filename), '[name].js') },
});
