import type { Module } from '../../core/context.ts';
import { open311Routes } from './routes.ts';

export const open311Module: Module = { name: 'open311', routes: open311Routes };
