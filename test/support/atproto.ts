// Bluesky's reference servers for connector tests: @atproto/dev-env's TestNetwork (PLC, PDS
// and AppView on 127.0.0.1), on a private PostgreSQL and a private redis-server.

import { TestNetwork } from '@atproto/dev-env';
import { startRedis } from '../store/redis-server.ts';
import { startPostgres } from './postgres.ts';

export interface AtprotoNetwork {
  network: TestNetwork;
  stop(): Promise<void>;
}

export async function startAtproto(): Promise<AtprotoNetwork> {
  const pg = await startPostgres();
  const redis = await startRedis();
  process.env.REDIS_HOST = `127.0.0.1:${redis.port}`;
  let network: TestNetwork;
  try {
    network = await TestNetwork.create({ dbPostgresUrl: pg.url, dbPostgresSchema: 'uitkijk' });
  } catch (err) {
    await redis.stop();
    await pg.stop();
    throw err;
  }
  return {
    network,
    async stop() {
      try {
        await network.close();
      } finally {
        await redis.stop();
        await pg.stop();
      }
    },
  };
}
