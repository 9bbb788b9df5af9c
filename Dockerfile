# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the full dev toolchain.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY infra/*.ts ./infra/
COPY contracts ./contracts
COPY test ./test
COPY bench ./bench
# The second project is the privacy officers' console, compiled for the browser.
RUN npx tsc -p tsconfig.json && npx tsc -p src/http/console/tsconfig.json

# Runtime stage: production dependencies and compiled output only, as a non-root user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY graph ./graph
COPY src/http/console/static ./src/http/console/static
COPY contracts ./contracts
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# In a container the servers are always external: KAFKA_BROKERS and NEO4J_URI must be set.
CMD ["node", "dist/src/cli/main.js", "start"]
