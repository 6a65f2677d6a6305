import Fastify from 'fastify';
import pg from 'pg';

// The floor for `bench api`: Fastify and node-postgres reading the same household and members
// the real route reads, with no session, no jurisdiction, no decryption and no audit.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();
app.get('/h/:id', async (req) => {
  const { id } = req.params as { id: string };
  const h = await pool.query('select * from household where county_code = $1 and id = $2', ['370971', id]);
  const m = await pool.query(
    'select p.*, m.relation_code from household_member m join person p on p.county_code = m.county_code and p.id = m.person_id where m.county_code = $1 and m.household_id = $2',
    ['370971', id],
  );
  return { household: h.rows[0], members: m.rows.length };
});
app.get('/search', async (req) => {
  const { q } = req.query as { q: string };
  const r = await pool.query(
    'select h.id, h.household_no from household h where h.county_code = $1 and exists (select 1 from household_member m join person p on p.county_code = m.county_code and p.id = m.person_id where m.household_id = h.id and p.name_mask = $2) order by h.household_no limit 20',
    ['370971', q],
  );
  return { items: r.rows };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
