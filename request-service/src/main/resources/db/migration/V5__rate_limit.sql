-- Rate limits of the public endpoints, shared by every replica (platform ratelimit.PostgresRateLimiter):
-- one token bucket per (limit, key digest); rows idle past idle_until are deleted on a schedule.
create table rate_limit (
    bucket     bytea            primary key,
    tokens     double precision not null,
    updated_at timestamptz      not null,
    granted    boolean          not null,
    idle_until timestamptz      not null
);
create index rate_limit_idle on rate_limit (idle_until);
