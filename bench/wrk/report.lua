-- Shared by the load scenarios: prints one line for bench/load.sh at the end of a wrk run.
-- non2xx counts answers with a status of 400 or more; errors counts connect/read/write errors and timeouts.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d non2xx=%d errors=%d bytes=%d\n",
    summary.requests, summary.duration, summary.requests / summary.duration * 1e6,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout,
    summary.bytes))
  if after_done then after_done() end
end
