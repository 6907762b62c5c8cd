// Reads one host or URL per line from the file named in argv[2] and writes one
// JSON line per input to standard output: what eth-phishing-detect says with
// allowlist = the genuine domains of rules/domains.toml, fuzzylist = binance.com,
// tolerance 2. The whole process is timed by examples/url_vs_peer.rs.
'use strict'
const fs = require('fs')
const readline = require('readline')
const PhishingDetector = require('eth-phishing-detect/src/detector')

const allowlist = JSON.parse(process.argv[3] || '[]')
const detector = new PhishingDetector([{
  name: 'binance-audit-bench',
  version: 1,
  allowlist,
  blocklist: [],
  fuzzylist: ['binance.com'],
  tolerance: 2,
}])

function hostOf (line) {
  let s = line.trim()
  const scheme = s.indexOf('://')
  if (scheme >= 0) s = s.slice(scheme + 3)
  const end = s.search(/[/?#]/)
  if (end >= 0) s = s.slice(0, end)
  const at = s.lastIndexOf('@')
  if (at >= 0) s = s.slice(at + 1)
  return s.replace(/:\d+$/, '').toLowerCase()
}

const out = fs.createWriteStream(null, { fd: 1, highWaterMark: 1 << 20 })
const rl = readline.createInterface({ input: fs.createReadStream(process.argv[2], { highWaterMark: 1 << 20 }), crlfDelay: Infinity })
let buf = ''
let index = 0
rl.on('line', (line) => {
  index++
  const r = detector.check(hostOf(line))
  buf += JSON.stringify({ index, input: line, result: r.result, type: r.type }) + '\n'
  if (buf.length > 1 << 16) {
    out.write(buf)
    buf = ''
  }
})
rl.on('close', () => { out.end(buf) })
