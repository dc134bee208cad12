import { DomainError } from '@one-window/shared/http';

/** A UKey order is still open (not activated) for this taxpayer: one at a time. */
export class UKeyOrderOpenError extends DomainError {
  readonly code = 'tax.ukey.order_open';

  constructor(taxpayerId: string, orderId: string) {
    super(`Taxpayer ${taxpayerId} already has an open UKey order ${orderId}`, { orderId });
  }
}

/** Only the buyer of an invoice may confirm its red letter. */
export class NotInvoiceBuyerError extends DomainError {
  readonly code = 'tax.invoice.not_buyer';

  constructor(invoiceNo: string) {
    super(`Only the buyer may confirm a red letter for invoice ${invoiceNo}`, { invoiceNo });
  }
}
