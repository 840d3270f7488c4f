/**
 * Open311 GeoReport v2 over the demands: other systems list the categories, post demands with a
 * key tied to a node and follow them — answering residents wherever they ask (§内涵, §价值要素2).
 */
import type { Module } from '../../core/context.ts';
import { open311Routes } from './routes.ts';

export const open311Module: Module = { name: 'open311', routes: open311Routes };
