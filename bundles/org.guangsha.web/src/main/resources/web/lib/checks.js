// Checks made in the browser before sending, the same the server makes (it still decides).

/** GB 11643 check of an 18-character resident ID number: format, birth date and check digit. */
export function checkIdNumber(value) {
  const id = (value || '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.substring(6, 10));
  const m = Number(id.substring(10, 12));
  const d = Number(id.substring(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date > new Date()) {
    return 'birthDate';
  }
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const codes = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i];
  return codes[sum % 11] === id[17] ? null : 'checkDigit';
}

/** Mainland mobile number: 11 digits starting 1[3-9]. */
export function checkMobile(value) {
  return /^1[3-9]\d{9}$/.test((value || '').trim()) ? null : 'format';
}

/** `4403**********1234`: the first 4 and last 4 of an ID number. */
export function maskIdNumber(id) {
  if (!id) return '';
  if (id.includes('*')) return id;
  return id.length <= 8 ? '*'.repeat(id.length) : id.substring(0, 4) + '*'.repeat(id.length - 8) + id.substring(id.length - 4);
}

/** `138****0001`. */
export function maskMobile(m) {
  if (!m) return '';
  if (m.includes('*')) return m;
  return m.length === 11 ? `${m.substring(0, 3)}****${m.substring(7)}` : m;
}
