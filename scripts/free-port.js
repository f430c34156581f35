import { createServer } from 'node:net';

/**
 * A free TCP port on the loopback: the port a listener on port 0 was given, closed again (for a throwaway server,
 * or a port where a connection is refused).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}
