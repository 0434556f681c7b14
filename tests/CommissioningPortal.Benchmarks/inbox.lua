-- wrk script for the task inbox: sends the signed-in cookie and prints the percentiles we report.
wrk.headers["Cookie"] = os.getenv("PORTAL_COOKIE")
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
