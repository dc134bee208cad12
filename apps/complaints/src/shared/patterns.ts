/** A mainland phone number as callers give it: mobile or landline, optional +86 and separators. */
export const PHONE = /^(\+?86[ -]?)?(1\d{2}[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8})$/;

/** GB/T 2260 division code (district level). */
export const AREA = /^\d{6}$/;
