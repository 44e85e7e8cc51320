# Daleel production image: Next.js standalone output + Payload, multi-stage.
# Build:  docker build -t daleel .      Run: see docker-compose.yml
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

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

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 MEDIA_DIR=/app/data/media
RUN groupadd --system daleel && useradd --system --gid daleel --home /app daleel
COPY --from=build --chown=daleel:daleel /app/.next/standalone ./
COPY --from=build --chown=daleel:daleel /app/.next/static ./.next/static
# The seed and migration runner need the project's TypeScript sources and tsx.
COPY --from=build --chown=daleel:daleel /app/node_modules ./node_modules
COPY --from=build --chown=daleel:daleel /app/package.json /app/tsconfig.json /app/payload.config.ts /app/server.mjs ./
COPY --from=build --chown=daleel:daleel /app/access ./access
COPY --from=build --chown=daleel:daleel /app/collections ./collections
COPY --from=build --chown=daleel:daleel /app/content ./content
COPY --from=build --chown=daleel:daleel /app/globals ./globals
COPY --from=build --chown=daleel:daleel /app/media ./media
COPY --from=build --chown=daleel:daleel /app/partner-api ./partner-api
COPY --from=build --chown=daleel:daleel /app/platform ./platform
COPY --from=build --chown=daleel:daleel /app/search ./search
COPY --from=build --chown=daleel:daleel /app/site ./site
COPY --from=build --chown=daleel:daleel /app/workflow ./workflow
COPY --from=build --chown=daleel:daleel /app/migrations ./migrations
COPY --from=build --chown=daleel:daleel /app/seed ./seed
COPY --from=build --chown=daleel:daleel /app/scripts ./scripts
RUN mkdir -p /app/data/media && chown -R daleel:daleel /app/data
USER daleel
EXPOSE 3000
CMD ["sh", "scripts/docker-entrypoint.sh"]
