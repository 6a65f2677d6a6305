import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { benefitQuote, benefitQuoteInput } from '../../../contracts/benefits.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { quoteForCounty } from './benefits.usecases.ts';

const tags = ['benefits'];

// Any signed-in role may ask for a quote: it reads no data and writes nothing. The public portal
// gets its own rate-limited route later.
export function benefitsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/benefits/quote',
    {
      schema: {
        tags,
        summary: '救助测算 Benefit quote',
        description:
          '按测算日期生效的标准，对所述家庭测算低保、单人保、低保边缘、特困、刚性支出困难家庭的资格与金额（金额单位：分/月）。' +
          ' Eligibility and monthly amounts (fen) per scheme under the parameters in force on `date`.',
        body: benefitQuoteInput,
        response: { 200: benefitQuote },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      return quoteForCounty(s.db, ctx.actor.countyCode, req.body);
    },
  );
}
