// The Lambda function behind ANY /hello (an AWS_PROXY integration): answers with a greeting.
exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: 'hello', method: event.httpMethod, path: event.path }),
});
