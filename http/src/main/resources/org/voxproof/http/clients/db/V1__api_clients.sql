-- API clients (component "clients"): one row per key holder. The key itself is never stored,
-- only SHA-256 of it (hex). Times are epoch milliseconds.
create table clients_api (
  id text primary key,
  name text not null unique,
  role text not null,
  organisation text not null,
  key_hash text not null,
  created_at bigint not null,
  expires_at bigint not null,
  revoked_at bigint,
  rotated_at bigint
);
