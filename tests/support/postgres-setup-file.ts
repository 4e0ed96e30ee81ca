import { afterAll } from 'vitest';
import { dropTestStorages } from './test-storage';

// Each test file's databases are dropped when it ends (a file may make dozens).
afterAll(dropTestStorages);
