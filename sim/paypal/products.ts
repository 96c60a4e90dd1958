import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireBearer } from './api-dispatcher';
import { notFound, PayPalError } from './api-error';
import { isoSeconds } from './clock';
import { parseBody } from './control-body';
import { newProductId } from './ids';
import type { SimContext } from './sim-context';
import type { ProductRecord } from './state';

/** A minimal Catalog Products API (not in the two official files): plans need a product_id (NOTES §0 step 1). */
const ProductBody = z.object({
  id: z.string().min(6).max(50).optional(),
  name: z.string().min(1).max(127),
  type: z.enum(['PHYSICAL', 'DIGITAL', 'SERVICE']),
  description: z.string().min(1).max(256).optional(),
  category: z.string().min(4).max(256).optional(),
});
export type ProductInput = z.infer<typeof ProductBody>;

export function createProduct(sim: SimContext, input: ProductInput): ProductRecord {
  if (input.id && sim.state.products.has(input.id)) {
    throw new PayPalError(422, [{ field: '/id', value: input.id, location: 'body', issue: 'DUPLICATE_RESOURCE_IDENTIFIER', description: 'A product with this id already exists.' }]);
  }
  const now = sim.clock.now();
  const product: ProductRecord = { ...input, id: input.id ?? newProductId(), createTime: now, updateTime: now };
  sim.state.products.set(product.id, product);
  return product;
}

function toProduct(sim: SimContext, product: ProductRecord) {
  const self = `${sim.baseUrl}/v1/catalogs/products/${product.id}`;
  return {
    id: product.id,
    name: product.name,
    ...(product.description ? { description: product.description } : {}),
    type: product.type,
    ...(product.category ? { category: product.category } : {}),
    create_time: isoSeconds(product.createTime),
    update_time: isoSeconds(product.updateTime),
    links: [
      { href: self, rel: 'self', method: 'GET' },
      { href: self, rel: 'edit', method: 'PATCH' },
    ],
  };
}

export function registerProductRoutes(app: FastifyInstance, sim: SimContext): void {
  app.post('/v1/catalogs/products', async (request, reply) => {
    requireBearer(sim, request.headers.authorization);
    return reply.code(201).send(toProduct(sim, createProduct(sim, parseBody(ProductBody, request.body))));
  });
  app.get('/v1/catalogs/products/:id', async (request) => {
    requireBearer(sim, request.headers.authorization);
    const id = (request.params as { id: string }).id;
    const product = sim.state.products.get(id);
    if (!product) throw notFound('id', id);
    return toProduct(sim, product);
  });
}
