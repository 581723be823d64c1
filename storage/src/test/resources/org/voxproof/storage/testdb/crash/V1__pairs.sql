-- Each acknowledged write inserts two rows in one transaction: the crash test checks both exist.
create table crash_rows (
  id bigint not null,
  part bigint not null,
  primary key (id, part)
);
