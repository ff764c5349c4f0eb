// The baseline: a bare Node http server answering fixed bytes for fixed paths.
// Started by api-throughput.ts with a JSON map { path: { body, contentType } } on stdin.
import { createServer } from 'node:http';

let input = '';
process.stdin.on('data', (d) => {
  input += d;
});
process.stdin.on('end', () => {
  const routes = JSON.parse(input);
  const bodies = Object.fromEntries(Object.entries(routes).map(([path, r]) => [path, Buffer.from(r.body)]));
  const server = createServer((req, res) => {
    const body = bodies[req.url];
    if (!body) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
});
