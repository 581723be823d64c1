create table alpha_items (
  id text primary key,
  n bigint not null,
  note text
);
