import type { Access } from 'payload'

/** Public-interest content and settings: anyone may read. */
export const anyone: Access = () => true
