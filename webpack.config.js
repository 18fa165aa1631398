// Nest's webpack defaults build one entry (main); the CLI and the projector's thread are built beside it,
// and the gRPC contract is copied next to them (the server loads it at start).
const fs = require('node:fs');
const path = require('node:path');

const PROTO_FILES = ['proto/credentials/v1/credentials.proto'];

/** Emits the contract beside the bundles (`dir`), where `credentials-proto.ts` looks for it. */
class CopyProtoFiles {
  constructor(dir) {
    this.dir = dir;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(CopyProtoFiles.name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: CopyProtoFiles.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of PROTO_FILES) {
            const source = path.resolve(__dirname, file);
            compilation.fileDependencies.add(source);
            compilation.emitAsset(path.join(this.dir, file), new sources.RawSource(fs.readFileSync(source)));
          }
        },
      );
    });
  }
}

module.exports = (options) => {
  const dir = path.dirname(options.output.filename);
  return {
    ...options,
    entry: {
      main: options.entry,
      cli: path.resolve(__dirname, 'apps/keyring/src/cli/cli.ts'),
      'projector-worker': path.resolve(__dirname, 'apps/keyring/src/projection/projector-worker.ts'),
    },
    output: { ...options.output, filename: path.join(dir, '[name].js') },
    plugins: [...(options.plugins ?? []), new CopyProtoFiles(dir)],
  };
};
