// The ceiling in the token benchmark: a bare node:http server that reads the
// request body and answers a token-sized JSON body, in a process of its own.
// No framework, no crypto, no storage: what this machine's HTTP stack allows.
//
//   PORT=... node test/bench/peers/bare-http-ceiling.mjs
import { createServer } from 'node:http';

const body = JSON.stringify({
  access_token: `eyJ${'x'.repeat(640)}`,
  token_type: 'Bearer',
  expires_in: 3600,
  scope: 'messaging:send numbers:read',
});
const headers = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Length': Buffer.byteLength(body),
};

createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, headers);
    response.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
