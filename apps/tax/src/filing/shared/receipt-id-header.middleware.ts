import type { NextFunction, Request, Response } from 'express';

export const RECEIPT_ID_HEADER = 'Receipt-Id';

/**
 * Sets `Receipt-Id` from the body of a successful filing response (HMRC MTD: the receipt id is a
 * header too). A middleware rather than the controller, so that a response replayed for the same
 * Idempotency-Key (which keeps only Location, Content-Location and ETag) carries it as well.
 */
export function receiptIdHeader(_req: Request, res: Response, next: NextFunction): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    const receiptId = (body as { receiptId?: unknown } | null | undefined)?.receiptId;
    if (res.statusCode < 300 && typeof receiptId === 'string' && !res.headersSent) res.setHeader(RECEIPT_ID_HEADER, receiptId);
    return json(body);
  };
  next();
}
