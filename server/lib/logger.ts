import pino from "pino";
import pretty from "pino-pretty";
import { getLoggingEnv } from "./env";

const { LOG_LEVEL, NODE_ENV } = getLoggingEnv();
const isPretty = NODE_ENV !== "production" || Boolean(process.stdout.isTTY);

// pino-pretty as a stream, not a transport: transports run in worker threads that Next's bundler cannot follow.
const stream = isPretty
  ? pretty({ colorize: Boolean(process.stdout.isTTY), ignore: "pid,hostname", translateTime: "HH:MM:ss" })
  : undefined;

/** The process logger: JSON lines in production, readable lines in development or at a terminal. */
export const logger = stream ? pino({ level: LOG_LEVEL }, stream) : pino({ level: LOG_LEVEL });
