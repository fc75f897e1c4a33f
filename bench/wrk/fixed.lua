-- The same request again and again: client_credentials, password, introspection, the admin list.
-- BENCH_METHOD (default POST), BENCH_BODY (a form; none for GET), BENCH_AUTHORIZATION (the header's value).
dofile("report.lua")

wrk.method = os.getenv("BENCH_METHOD") or "POST"
local body = os.getenv("BENCH_BODY") or ""
if body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")
