import { sql } from '../sql';
import type { Queries } from '../storage';

/** The random salt a round's entries hash their install id with, or undefined for an unknown round. */
export async function getRoundEntrySalt(q: Queries, roundId: string): Promise<string | undefined> {
  return (await q.one<{ salt: string }>(sql`SELECT entry_salt AS salt FROM recognition_rounds WHERE id = ${roundId}`))?.salt;
}
