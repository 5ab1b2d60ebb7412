// The pets backend behind the HTTP API's Lambda proxy integration (payload format 2.0).
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ pets: ['rex', 'tom'], caller: event.requestContext.authorizer?.jwt?.claims?.sub ?? null }),
});
