import { Controller, Get, Query } from '@nestjs/common';
import { PROBLEM_BASE_URI } from '../problem/problem-details';
import { bootTestApp, type TestApp } from '../testing/test-app';
import { decodeCursor, encodeCursor } from './cursor';
import { PageQueryDto } from './page-query.dto';

@Controller('items')
class ItemsController {
  @Get()
  list(@Query() query: PageQueryDto) {
    const after = query.pageToken === undefined ? null : decodeCursor<{ id: string }>(query.pageToken);
    return { pageSize: query.pageSize, isDto: query instanceof PageQueryDto, after };
  }
}

describe('PageQueryDto over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ controllers: [ItemsController] }, { accessLog: false });
  });
  afterAll(() => t.close());

  it('defaults pageSize to 25', async () => {
    const res = await t.http().get('/items');
    expect(res.body).toEqual({ pageSize: 25, isDto: true, after: null });
  });

  it('converts pageSize and decodes the token', async () => {
    const res = await t.http().get(`/items?pageSize=100&pageToken=${encodeCursor({ id: 'x' })}`);
    expect(res.body).toEqual({ pageSize: 100, isDto: true, after: { id: 'x' } });
  });

  it.each([['101'], ['0'], ['2.5'], ['ten']])('rejects pageSize=%s naming the field', async (size) => {
    const res = await t.http().get(`/items?pageSize=${size}`);
    expect(res.status).toBe(400);
    expect(res.body.violations.map((v: { field: string }) => v.field)).toEqual(expect.arrayContaining(['pageSize']));
  });

  it('rejects a pageToken that does not decode with a 400 naming pageToken', async () => {
    const res = await t.http().get(`/items?pageToken=${Buffer.from('nope').toString('base64url')}`);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(`${PROBLEM_BASE_URI}validation-error`);
    expect(res.body.violations).toEqual([{ field: 'pageToken', reason: 'is not a page token this API issued; start again without pageToken' }]);
  });

  it('rejects an unknown query parameter', async () => {
    const res = await t.http().get('/items?sort=name');
    expect(res.status).toBe(400);
    expect(res.body.violations).toEqual([{ field: 'sort', reason: 'unknown field' }]);
  });
});
