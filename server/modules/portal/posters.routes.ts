import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';

// Placeholder: filled in by the capability's owner.
export function postersRoutes(_app: FastifyInstance, _s: Services) {}
