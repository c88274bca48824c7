// The origin web server of bench/gateway.mjs, in its own process so that it does not share an event loop
// with the load generator: `/bytes/N` streams N bytes, anything else answers "ok". Prints its port.
import http from 'node:http';

const chunk = Buffer.alloc(1024 * 1024, 120);

const server = http.createServer((request, response) => {
  const size = /^\/bytes\/(\d+)$/.exec(request.url ?? '')?.[1];
  if (size === undefined) {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
    return;
  }
  let left = Number(size);
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(left) });
  const pump = () => {
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!response.write(piece)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  pump();
});
server.keepAliveTimeout = 1000;
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on('SIGTERM', () => process.exit(0));
