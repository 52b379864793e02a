/**
 * French formats for the web app: the one French module the server uses too (shared/i18n/french.ts), so a
 * date, a deadline or a count reads the same on screen, in an e-mail and in a PDF. Pages import from here.
 */
export {
  countOf,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDeadline,
  formatDecimal,
  formatEuros,
  formatNumber,
  formatPercent,
  formatShortDate,
  formatTime,
  frenchTypography,
  type Gender,
  greeting,
  personName,
  roleTitle,
} from '../../../shared/i18n/french';
