# Daleel production image: Next.js standalone output + Payload, multi-stage.
# Build:  docker build -t daleel .      Run: see docker-compose.yml
# The runtime stage copies three things and nothing else: the production dependencies, and the
# standalone folder that `npm run build` completed with our server, migration/seed step and entrypoint,
# each compiled into one file (scripts/build-runtime.mjs), plus Next's static assets.
# tests/browser/production-image.test.ts assembles this stage's file tree from this file and boots it.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Only what production imports (no compilers, test tools or browsers' drivers).
FROM node:24-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone DALEEL_JOBS=off
# Standalone output freezes next.config at build time: build with REDIS_URL set (compose profile
# "scale" does) to get the shared Redis cache handler; Redis itself is not needed while building.
ARG REDIS_URL=
# `next build` prerenders pages from a database. The image must not carry anyone's content, so
# it builds against a throwaway, migrated, EMPTY SQLite file; the running site fills its cache
# from the real database (pages revalidate on publish and on their time-based fallback).
RUN PAYLOAD_SECRET=image-build-only-secret-not-used-at-runtime-000 \
    DATABASE_URI=file:/tmp/build.db \
    node scripts/build.mjs --no-seed

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 MEDIA_DIR=/app/data/media
RUN groupadd --system daleel && useradd --system --gid daleel --home /app daleel
COPY --from=prod-deps --chown=daleel:daleel /app/node_modules ./node_modules
COPY --from=build --chown=daleel:daleel /app/.next/standalone ./
COPY --from=build --chown=daleel:daleel /app/.next/static ./.next/static
RUN mkdir -p /app/data/media && chown -R daleel:daleel /app/data
USER daleel
EXPOSE 3000
CMD ["sh", "docker-entrypoint.sh"]
