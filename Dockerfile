# The uitkijk image: Node 24 runs the TypeScript sources directly (type stripping).
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
USER node
# The launcher itself: its first line passes the V8 flags (bin/uitkijk.js).
CMD ["bin/uitkijk.js", "start", "--config", "/config/uitkijk.yaml"]
