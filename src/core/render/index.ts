/**
 * Rendering for leaders: the charter preview, the handbook matrix, whole pages and the static
 * site. Pure (no vscode, no node:fs, no process); the VS Code webview and the CLI share it.
 */
export { charterView, renderCharterHtml, renderCharterHast, reviewBadge, statusBadge } from './charter';
export type { CharterRenderOptions, CharterView, ChecklistItem } from './charter';
export { buildMatrix, matrixHtml, matrixHast, matrixJson, matrixMarkdown, MATRIX_VERSION } from './matrix';
export type { MatrixCell, MatrixColumn, MatrixHtmlOptions, MatrixModel, MatrixRow, MatrixTier, OverdueReview, TierCoverage } from './matrix';
export { contentSecurityPolicy, escapeHtml, page } from './page';
export type { InlineCssPage, LinkedCssPage, PageOptions } from './page';
export { buildSite, relativeHref, sitePagePath, SITE_CSS, SITE_INDEX, SITE_MARKER } from './site';
export type { Site, SiteFile, SiteInput } from './site';
export { reviewState, DUE_SOON_DAYS } from './review';
export type { ReviewState, ReviewStatus } from './review';
export { label, statusDescription, statusEmoji, statusGlyph, statusLabel, STATUSES } from './i18n';
export { sanitizeSchema, BODY_CLASSES } from './markdown';
export { h, safeHref, toHtml } from './html';
