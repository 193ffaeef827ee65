// Reference scores for Rampart's differential CVSS tests.
// Reads one vector per line on stdin; writes one JSON object per line on stdout:
//   {"ok":true,"version":"3.1","base":9.8,"temporal":null,"environmental":null,"overall":9.8}
//   v4.0 adds "bt", "be", "bte" (CVSS-BT/BE/BTE; null when the vector lacks those metrics)
//   {"ok":false,"error":"..."} when ae-cvss-calculator refuses the vector.
'use strict';
const readline = require('node:readline');
const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = require('ae-cvss-calculator');

const orNull = (value) => (value === undefined || Number.isNaN(value) ? null : value);

function score(line) {
  let vector;
  let version;
  if (line.startsWith('CVSS:4.0/')) { vector = new Cvss4P0(line); version = '4.0'; }
  else if (line.startsWith('CVSS:3.1/')) { vector = new Cvss3P1(line); version = '3.1'; }
  else if (line.startsWith('CVSS:3.0/')) { vector = new Cvss3P0(line); version = '3.0'; }
  else { vector = new Cvss2(line); version = '2.0'; }
  const s = vector.calculateScores();
  if (version !== '4.0') {
    return { ok: true, version, base: orNull(s.base), temporal: orNull(s.temporal), environmental: orNull(s.environmental), overall: orNull(s.overall) };
  }
  const threat = vector.isAnyThreatDefined();
  const environmental = vector.isAnyEnvironmentalDefined();
  return {
    ok: true,
    version,
    base: orNull(s.baseMetricsOnly),
    bt: threat ? orNull(s.threat) : null,
    be: environmental ? orNull(s.environmental) : null,
    bte: threat && environmental ? orNull(s.overall) : null,
    overall: orNull(s.overall),
  };
}

const out = [];
const flush = () => { if (out.length) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; } };
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  let result;
  try {
    result = score(line.trim());
  } catch (error) {
    result = { ok: false, error: String(error && error.message ? error.message : error) };
  }
  out.push(JSON.stringify(result));
  if (out.length >= 1000) flush();
});
lines.on('close', flush);
