# syntax=docker/dockerfile:1

# Build: every dependency, to compile the gateway (tsc -p tsconfig.build.json) into dist/ and to
# bundle the explorer (GraphiQL) into dist/src/explorer/assets/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY src ./src
# The explorer opens on the README's examples, bundled with it.
COPY examples ./examples
RUN npm run build

# Production dependencies only: no TypeScript, no tsx, no esbuild.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Run: the compiled JavaScript with production dependencies, the SDL it loads; not root.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
# package.json says the compiled files are ES modules ("type": "module").
COPY --chown=node:node package.json ./
COPY --chown=node:node schema ./schema
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM starts a graceful shutdown (SHUTDOWN_GRACE_MS); give it time before SIGKILL.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
