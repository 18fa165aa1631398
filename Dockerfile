# Keyring's image: `docker build -t keyring .` (docker-compose.yml builds it for you).
#
#   build    every dependency, then `npm run build`: webpack bundles dist/apps/keyring/main.js, cli.js and
#            projector-worker.js (the projector's thread, started from beside main.js)
#   deps     production dependencies only, with the native SQLite driver built for this very image
#   runtime  Node.js, those node_modules and dist/, run as the unprivileged `node` user
#
# All three stages start from the same image, so better-sqlite3 is compiled (or its prebuilt binary
# fetched) for exactly the Node.js ABI and glibc that run it.
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/admin/package.json ./apps/admin/
# The bundle keeps node_modules external, so compiling native modules here would be wasted work.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json nest-cli.json webpack.config.js ./
COPY apps ./apps
COPY libs ./libs
# The admin console (apps/admin, an npm workspace) is built by Vite into dist/admin, served at /admin.
RUN npm run build && npm exec --workspace @keyring/admin -- vite build

FROM ${NODE_IMAGE} AS deps
# better-sqlite3's install script first fetches a prebuilt binary from GitHub; where the build has no
# route there it compiles from source, which needs this toolchain and the Node.js headers the image
# already has under /usr/local (so node-gyp does not try to download them either).
RUN apt-get update \
  && apt-get install --yes --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/admin/package.json ./apps/admin/
# Install scripts run here (better-sqlite3 needs its own). package.json's allowScripts lists the packages
# allowed to run them, for the npm releases that read it; the npm bundled with Node.js 20 runs them all.
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    GRPC_PORT=50051 \
    DATA_DIR=/var/lib/keyring
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# DATA_DIR holds the read models, the generated secret pepper and the signing keys. A named volume
# mounted here starts with this directory's owner and mode, so the service can write to it.
# /var/lib/keyring-keys is where replicas mount one shared volume for the signing key ring
# (SIGNING_KEYS_FILE=/var/lib/keyring-keys/signing-keys.json; see docker-compose.cluster.yml).
RUN install --directory --owner=node --group=node --mode=0700 /var/lib/keyring /var/lib/keyring-keys
USER node
VOLUME ["/var/lib/keyring"]
# REST on PORT, gRPC (credentials.v1) on GRPC_PORT.
EXPOSE 3000 50051
# Ready = the event store answers and the projector runs. The image has no curl; Node.js 20 has fetch.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/keyring/main.js"]
