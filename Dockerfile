# syntax=docker/dockerfile:1
# Two stages: the build stage has the C++ toolchain for better-sqlite3's native addon and the dev
# dependencies for the bundle; the runtime stage has neither, runs as the unprivileged `node` user
# and keeps conversations (sqlite) and the knowledge snapshot cache in the /data volume.
# Not built on the machine this was written on (no Docker there): see README "Deploy".

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts off while only the lockfile is here (prepare needs the sources); the addon is built next.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only: /readyz is for load balancers (it says 503 while a door is still connecting).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM from `docker stop` drains in-flight turns (10 s) and exits 0; stop_grace_period covers it.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
