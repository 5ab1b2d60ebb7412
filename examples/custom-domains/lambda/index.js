// One backend for the three APIs: the REST API (orders v1, Lambda proxy payload 1.0), the HTTP API
// (orders v2, payload 2.0) and the WebSocket API (chat: $connect and $disconnect answered, messages echoed).
exports.handler = async (event) => {
  const { eventType, connectionId } = event.requestContext;
  if (eventType === 'MESSAGE') {
    return { statusCode: 200, body: JSON.stringify({ connectionId, echo: event.body }) };
  }
  if (eventType) {
    return { statusCode: 200 };
  }
  const version = event.version === '2.0' ? 'v2' : 'v1';
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orders: [], version, path: event.rawPath ?? event.path }),
  };
};
