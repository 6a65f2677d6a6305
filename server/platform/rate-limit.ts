import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';

// Placeholder: rate limits and abuse protection for every /api/public/ route (filled in by its owner).
export function installPublicRateLimit(_app: FastifyInstance, _s: Services) {}
