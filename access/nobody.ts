import type { Access } from 'payload'

/** No API caller, whatever their role: for records written only by the system (e.g. the audit log). */
export const nobody: Access = () => false
