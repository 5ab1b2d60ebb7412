// Answers every WebSocket event: $connect and $disconnect with 200, messages ($default) with an echo.
exports.handler = async (event) => {
  const { eventType, connectionId } = event.requestContext;
  if (eventType === 'MESSAGE') {
    return { statusCode: 200, body: JSON.stringify({ connectionId, echo: event.body }) };
  }
  return { statusCode: 200 };
};
