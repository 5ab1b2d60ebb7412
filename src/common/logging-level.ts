/** How much a stage logs to CloudWatch (execution logs): a REST API's methods, a WebSocket API's routes. */
export enum MethodLoggingLevel {
  /** No execution logs. */
  OFF = 'OFF',
  /** Errors only. */
  ERROR = 'ERROR',
  /** Errors and informational events. */
  INFO = 'INFO',
}
