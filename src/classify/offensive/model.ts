// placeholder, replaced below
import type { Doc } from '../normalize.ts';
import type { Layout } from './context.ts';
export function modelScore(_doc: Doc, _lay: Layout, _target: Uint8Array): { p: number; k0: number; k1: number } {
  return { p: 0, k0: 0, k1: 0 };
}
