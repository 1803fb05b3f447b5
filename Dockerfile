# Untested here (no Docker engine on the build machines); mirrors `npm start` with Next's standalone server.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1 \
    DATABASE_URL=postgresql://build@localhost/build BETTER_AUTH_SECRET=build-time-placeholder-not-used-at-runtime
RUN npx next build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/cli ./cli
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/rules ./rules
COPY --from=build /app/tsconfig.json ./
EXPOSE 3000
# Migrate, then serve; the worker runs as its own service in docker-compose.yml.
CMD ["sh", "-c", "node bin/lateral.mjs migrate && node server.js"]
