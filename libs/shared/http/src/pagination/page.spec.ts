import { decodeCursor } from './cursor';
import { mapPage, nextPageLink, toPage } from './page';

const rows = [1, 2, 3, 4].map((n) => ({ id: `r${n}`, n }));

describe('toPage', () => {
  it('returns pageSize items and a token for the last one when an extra row was fetched', () => {
    const page = toPage(rows, { pageSize: 3, cursorOf: (r) => ({ id: r.id }), linkTo: (t) => nextPageLink('/items?pageSize=3&status=open', t) });
    expect(page.items.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(decodeCursor(page.nextPageToken ?? '')).toEqual({ id: 'r3' });
    expect(page.next).toBe(`/items?pageSize=3&status=open&pageToken=${page.nextPageToken}`);
  });

  it('has no next token on the last page', () => {
    expect(toPage(rows, { pageSize: 4, cursorOf: (r) => r.id })).toEqual({ items: rows });
  });

  it('maps items and keeps the token', () => {
    const page = mapPage(toPage(rows, { pageSize: 1, cursorOf: (r) => r.id }), (r) => r.n);
    expect(page.items).toEqual([1]);
    expect(page.nextPageToken).toBeDefined();
  });
});

describe('nextPageLink', () => {
  it('replaces an existing pageToken', () => {
    expect(nextPageLink('/items?pageToken=old&pageSize=2', 'new')).toBe('/items?pageToken=new&pageSize=2');
  });
});
