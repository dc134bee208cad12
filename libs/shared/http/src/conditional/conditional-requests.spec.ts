import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { PROBLEM_BASE_URI } from '../problem/problem-details';
import { bootTestApp, type TestApp } from '../testing/test-app';
import { ETagFrom } from './etag.decorator';
import { assertIfMatch } from './if-match';

const permit = { id: 'p-1', version: 3, status: 'pending' };

@Controller('permits')
class PermitsController {
  @Get('p-1')
  @ETagFrom((view: typeof permit) => view.version)
  get() {
    return permit;
  }

  @Put('p-1')
  @ETagFrom((view: typeof permit) => view.version)
  update(@Req() req: Request, @Body() body: { status: string }) {
    assertIfMatch(req, permit.version);
    permit.version += 1;
    permit.status = body.status;
    return permit;
  }
}

describe('ETag and If-Match over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ controllers: [PermitsController] }, { accessLog: false });
  });
  afterAll(() => t.close());

  it('sets ETag from the returned view, accepts the current one, then 412s the stale one', async () => {
    const read = await t.http().get('/permits/p-1');
    expect(read.headers['etag']).toBe('"3"');

    const updated = await t.http().put('/permits/p-1').set('If-Match', read.headers['etag']).send({ status: 'approved' });
    expect(updated.status).toBe(200);
    expect(updated.headers['etag']).toBe('"4"');

    const stale = await t.http().put('/permits/p-1').set('If-Match', '"3"').send({ status: 'rejected' });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.headers['etag']).toBe('"4"');
    expect(stale.body).toMatchObject({ type: `${PROBLEM_BASE_URI}precondition-failed`, instance: '/permits/p-1' });
    expect(permit.status).toBe('approved');
  });

  it('answers 428 when If-Match is missing', async () => {
    const res = await t.http().put('/permits/p-1').send({ status: 'x' });
    expect(res.status).toBe(428);
    expect(res.body.type).toBe(`${PROBLEM_BASE_URI}precondition-required`);
  });
});
