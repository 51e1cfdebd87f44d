// Invoice renderings: HTML and PDF of an InvoiceDocument (runtime/billing/invoice-document.ts).
export { renderInvoiceHtml, escapeHtml } from './html.js';
export { renderInvoicePdf } from './pdf.js';
export { writeInvoiceRenderings } from './write.js';
export { groupThousands } from './text.js';
