#!/usr/bin/env node
// Entry point of `npx accord`: runs src/main.ts through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
